import type { UnitOfWork } from "@tt/app";
import {
  buildDemoScenario,
  DEFAULT_DEMO_SEED,
  type DemoGeography,
  type DemoSummary,
  findDemo,
  seedDemo,
} from "@tt/demo";
import {
  defaultDataDir,
  loadBusStops,
  loadGpPractices,
  loadHospitals,
  loadLocalities,
  loadLsoas,
  loadSchools,
} from "@tt/integrations";
import { loadConfig } from "@tt/server";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { demoExposure, demoWarning } from "./demo-exposure";

const USAGE = `
Usage: tt demo [--seed N]

Loads the Cambridgeshire & Peterborough demo into the configured database (TT_DATA_DIR, or
DATABASE_URL for PostgreSQL), unless it is loaded already: eight organisations with their users,
funders and 2026/27 budgets, about 3,000 synthetic passengers with their trip requests, 540
vehicles and their drivers and passenger assistants, on the real open geography in data/.
Every demo account shares one password, printed at the end (with a warning on PostgreSQL).

Options:
  --seed N    the random seed of the synthetic people and fleet (default ${DEFAULT_DEMO_SEED})
`;

/** The open geography in data/, as the demo generator wants it. */
export async function loadDemoGeography(dataDir = defaultDataDir()): Promise<DemoGeography> {
  const [schools, hospitals, gpPractices, lsoas, localities, busStops] = await Promise.all([
    loadSchools(dataDir),
    loadHospitals(dataDir),
    loadGpPractices(dataDir),
    loadLsoas(dataDir),
    loadLocalities(dataDir),
    loadBusStops(dataDir),
  ]);
  return { schools, hospitals, gpPractices, lsoas, localities, busStops };
}

/** Loads the demo unless it is there already; logs what it did and how to sign in. */
export async function ensureDemo(
  unitOfWork: UnitOfWork,
  options: { log(message: string): void; seed?: number },
): Promise<void> {
  if (await findDemo(unitOfWork)) {
    options.log("The Cambridgeshire & Peterborough demo is already loaded.");
    return;
  }
  const started = Date.now();
  options.log("Loading the Cambridgeshire & Peterborough demo…");
  const scenario = buildDemoScenario(await loadDemoGeography(), options.seed ?? DEFAULT_DEMO_SEED);
  const summary = await seedDemo(unitOfWork, scenario, { log: options.log });
  for (const line of describeDemo(summary, Date.now() - started)) options.log(line);
}

/** A short summary and the sign-in details. */
export function describeDemo(summary: DemoSummary, elapsedMs: number): string[] {
  const total = (pick: (o: DemoSummary["organisations"][number]) => number) =>
    summary.organisations.reduce((sum, o) => sum + pick(o), 0);
  return [
    `Demo loaded in ${(elapsedMs / 1000).toFixed(1)} s (seed ${summary.seed}): ` +
      `${summary.organisations.length} organisations, ${total((o) => o.passengers)} passengers, ` +
      `${total((o) => o.tripRequests)} trip requests, ${total((o) => o.vehicles)} vehicles, ` +
      `${total((o) => o.staff)} drivers and passenger assistants.`,
    ...summary.organisations.map((o) => {
      const counts = `${o.passengers} passengers, ${o.tripRequests} trips, ${o.vehicles} vehicles`;
      const domain = o.emails[0]?.split("@")[1] ?? "";
      const roles = o.emails.map((e) => e.split("@")[0]).join(", ");
      return `  ${o.name}: ${counts}; users ${roles} @${domain}`;
    }),
    `Sign in as <role>@<domain>, e.g. commissioner@cambridgeshire.demo, password "${summary.password}".`,
  ];
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${text}"`);
  }
  return Number(text);
}

export const demoCommand: Command = {
  name: "demo",
  usage: USAGE,
  async run(argv) {
    const { values } = parseFlags(argv, { seed: { type: "string" } });
    const seed = parseSeed(values.seed);
    const config = loadConfig();
    const exposure = demoExposure({ databaseUrl: config.databaseUrl });
    if (exposure.length > 0) for (const line of demoWarning(exposure)) console.log(line);
    const { services, close } = await openServices();
    try {
      await ensureDemo(services.unitOfWork, {
        log: (m) => console.log(m),
        ...(seed === undefined ? {} : { seed }),
      });
    } finally {
      await close();
    }
    return EXIT.ok;
  },
};
