/**
 * Does the server freeze? With `--passengers` (default 100,000) passengers in one organisation,
 * that organisation exports them all, imports `--import` (default 20,000) new passengers and runs
 * a `--plan-seconds` (default 5) day plan of `--trips` (default 800) trips, all at once, while
 * another organisation's `/api/health` and passenger list are polled. The server is `tt serve`
 * in its own process, on the embedded database (default) or on PostgreSQL (`--postgres`: a fresh
 * database on DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/test, dropped
 * afterwards). Writes `results/freeze-<database>.json` and `.csv` with the machine and its load.
 *
 *   npx tsx benchmarks/src/freeze.ts [--postgres] [--passengers N] [--import N] [--trips N]
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { writeFileAtomic } from "./files";
import {
  exportPassengers,
  importPassengers,
  percentiles,
  planDay,
  startPolling,
  timed,
} from "./freeze/load";
import { apiToken, passengerCsv, seedOrganisation } from "./freeze/seed";
import { serve } from "./freeze/serve";
import { repoRoot } from "./instances";
import { describeMachine } from "./machine";

const { values } = parseArgs({
  options: {
    postgres: { type: "boolean", default: false },
    passengers: { type: "string", default: "100000" },
    import: { type: "string", default: "20000" },
    trips: { type: "string", default: "800" },
    "plan-seconds": { type: "string", default: "5" },
    label: { type: "string" },
  },
});

function count(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag}: "${text}" is not a whole number`);
  return n;
}

const SIZE = {
  passengers: count("passengers", values.passengers),
  import: count("import", values.import),
  trips: count("trips", values.trips),
  planSeconds: count("plan-seconds", values["plan-seconds"]),
};
const DATE = "2026-11-24";
const POLL_PAUSE_MS = 20;
const ROOT = repoRoot;
const driver = values.postgres ? "postgres" : "embedded";

/** Where the server keeps its data: an environment for `tt serve`, and how to clean up. */
async function prepareDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (!values.postgres) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tt-freeze-"));
    return {
      env: { TT_DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `tt_freeze_${randomBytes(4).toString("hex")}`;
  await runAdmin(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => runAdmin(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const PASSWORD = "correct horse battery staple";
const TT = path.join(ROOT, "apps/cli/bin/tt.js");

/** Runs a `tt` command on the benchmark's database (before the server opens it). */
function tt(env: Record<string, string>, ...args: string[]): void {
  const { DATABASE_URL: _d, TT_DATA_DIR: _t, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [TT, ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env, TT_PASSWORD: PASSWORD },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`tt ${args.join(" ")}: ${run.stdout}${run.stderr}`);
}

/** Two organisations and their administrators, made with `tt` as an operator would. */
function addOrganisations(env: Record<string, string>): void {
  for (const [name, email] of [
    ["Big County", "admin@big.example"],
    ["Small Trust", "admin@small.example"],
  ] as const) {
    tt(env, "organisation", "add", name, "--kind", "council");
    tt(env, "user", "add", email, "--organisation", name, "--role", "admin", "--name", name);
  }
}

/** Seeds both organisations through the API, as their administrators would. */
async function seed(base: string) {
  const started = performance.now();
  const big = await apiToken(base, "admin@big.example", PASSWORD);
  const other = await apiToken(base, "admin@small.example", PASSWORD);
  await seedOrganisation(base, big, {
    prefix: "BIG",
    passengers: SIZE.passengers,
    trips: SIZE.trips,
    vehicles: Math.max(10, Math.ceil(SIZE.trips / 12)),
    date: DATE,
  });
  await seedOrganisation(base, other, { prefix: "SMALL", passengers: 200 });
  return { big, other, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const database = await prepareDatabase();
  const machineBefore = os.loadavg();
  addOrganisations(database.env);
  const server = serve(database.env);
  try {
    const base = await server.url;
    console.log(`Seeding ${SIZE.passengers} passengers on ${driver} through the API…`);
    const { big, other, seconds: seedSeconds } = await seed(base);
    console.log(`Seeded in ${seedSeconds.toFixed(1)} s.`);
    const targets = [
      { name: "health", url: new URL("/api/health", base).toString() },
      {
        name: "passenger list",
        url: new URL("/api/passengers?offset=0&limit=50", base).toString(),
        token: other,
      },
    ];
    const idle = startPolling(targets, POLL_PAUSE_MS);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idleResults = await idle.stop();
    // The export on its own, as a yardstick for what the work at once costs it.
    const alone = await timed(performance.now(), () => exportPassengers(base, big));
    const csv = passengerCsv(SIZE.import, "IMPORTED");
    console.log("Exporting, importing and planning at once, polling the other organisation…");
    const origin = performance.now();
    const busy = startPolling(targets, POLL_PAUSE_MS);
    const [exported, imported, planned] = await Promise.all([
      timed(origin, () => exportPassengers(base, big)),
      timed(origin, () => importPassengers(base, big, csv)),
      timed(origin, () => planDay(base, big, DATE, SIZE.planSeconds)),
    ]);
    const busyResults = await busy.stop();
    const report = {
      benchmark: "freeze",
      database: driver,
      command: `npx tsx benchmarks/src/freeze.ts ${process.argv.slice(2).join(" ")}`.trim(),
      when: new Date().toISOString(),
      machine: {
        ...describeMachine(),
        nproc: os.availableParallelism(),
        loadAverageBefore: machineBefore.map((l) => Math.round(l * 100) / 100),
        loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100),
      },
      size: { ...SIZE, date: DATE, seedSeconds: Math.round(seedSeconds * 10) / 10 },
      work: {
        exportAlone: { ...summary(alone), rows: alone.value.rows, status: alone.value.status },
        export: { ...summary(exported), rows: exported.value.rows, status: exported.value.status },
        import: {
          ...summary(imported),
          status: imported.value.status,
          answer: imported.value.body,
        },
        dayPlan: { ...summary(planned), status: planned.value.status },
      },
      idle: Object.fromEntries(idleResults.map((r) => [r.name, percentiles(r.latencies)])),
      busy: Object.fromEntries(
        busyResults.map((r) => [
          r.name,
          {
            ...percentiles(r.latencies),
            failures: r.failures.slice(0, 5),
            failed: r.failures.length,
          },
        ]),
      ),
      targets: { p99Ms: 200, exportSeconds: 10 },
    };
    const name = `freeze-${driver}${values.label ? `-${values.label}` : ""}`;
    writeFileAtomic(
      path.join(ROOT, `benchmarks/results/${name}.json`),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    writeFileAtomic(
      path.join(ROOT, `benchmarks/results/${name}.csv`),
      csvOf(report.busy, report.idle),
    );
    console.log(JSON.stringify({ work: report.work, busy: report.busy }, null, 2));
  } finally {
    server.child.kill("SIGTERM");
    await new Promise((resolve) => server.child.once("exit", resolve));
    await database.drop();
  }
}

function summary(t: { ms: number; startedAt: number; endedAt: number }) {
  return { seconds: Math.round(t.ms / 100) / 10, endedAtSeconds: Math.round(t.endedAt / 100) / 10 };
}

function csvOf(
  busy: Record<string, ReturnType<typeof percentiles>>,
  idle: Record<string, ReturnType<typeof percentiles>>,
): string {
  const lines = ["phase,request,n,p50_ms,p95_ms,p99_ms,max_ms"];
  for (const [phase, results] of [
    ["idle", idle],
    ["busy", busy],
  ] as const) {
    for (const [name, p] of Object.entries(results))
      lines.push([phase, name, p.n, p.p50, p.p95, p.p99, p.max].join(","));
  }
  return `${lines.join("\n")}\n`;
}

await main();
