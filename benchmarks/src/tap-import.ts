/**
 * Smartcard taps at county scale: plans and publishes Cambridgeshire's demo day of 2026-11-24
 * through `tt serve`, then imports `--rows` taps (100,000 by default) on its runs' vehicles over
 * the four school weeks around it as one CSV through `POST /api/taps/import`, and asks for the
 * occupancy of those weeks. Checks all or nothing: a second file of as many rows with one bad
 * row at its end is refused whole, and the occupancy is the same afterwards. Writes
 * `results/tap-import.json` with the machine and its load average.
 *
 *   TT_DATA_DIR=/tmp/demo npx tt demo
 *   npx tsx benchmarks/src/tap-import.ts --data-dir /tmp/demo [--rows 100000] [--time-limit 30]
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Random } from "@tt/domain";
import { writeFileAtomic } from "./files";
import { apiMust, type Json, machineWithLoad } from "./freeze/api";
import { planDay } from "./freeze/load";
import { apiToken } from "./freeze/seed";
import { serve } from "./freeze/serve";
import { repoRoot } from "./instances";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    rows: { type: "string", default: "100000" },
    "time-limit": { type: "string", default: "30" },
  },
});
const dataDir = values["data-dir"];
if (!dataDir) throw new Error("--data-dir: a directory holding the demo (`tt demo`)");
const DATE = "2026-11-24";
const FROM = "2026-11-09";
const TO = "2026-12-04";
const DOMAIN = "cambridgeshire.demo";
const DEMO_PASSWORD = "fenland-demo-2026";

/** The school days from `FROM` to `TO`. */
function schoolDays(): string[] {
  const out: string[] = [];
  for (let t = Date.parse(FROM); t <= Date.parse(TO); t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) out.push(day.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * `rows` taps on the vehicles' runs: each vehicle has as many regular cards as its run picks up
 * (and a few more), each travelling on most days at about the run's first pick-up.
 */
function tapsCsv(runs: readonly Json[], vehicles: Map<string, string>, rows: number, seed: number) {
  const random = new Random(seed);
  const days = schoolDays();
  const lines = ["date,card,vehicle,stop,time"];
  const perRunDay = Math.max(1, Math.round(rows / (runs.length * days.length)));
  outer: for (const day of days) {
    for (const run of runs) {
      const reference = vehicles.get(String(run.vehicleId)) ?? "";
      const start = Number(((run.stops as Json[])[0] ?? {}).start ?? 480);
      for (let i = 0; i < perRunDay; i += 1) {
        if (lines.length > rows) break outer;
        const card = `${reference}-C${String(random.int(0, perRunDay + 2)).padStart(3, "0")}`;
        const minutes = Math.min(1439, start + random.int(0, 40));
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        lines.push(`${day},${card},${reference},Stop ${i % 9},${time}`);
      }
    }
  }
  while (lines.length <= rows) lines.push(lines[1 + (lines.length % (lines.length - 1))] ?? "");
  return `${lines.join("\n")}\n`;
}

async function importTaps(base: string, token: string, csv: string) {
  const started = performance.now();
  const response = await fetch(new URL("/api/taps/import", base), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: csv,
  });
  const json = (await response.json()) as Json;
  return { status: response.status, json, ms: Math.round(performance.now() - started) };
}

const travellersOf = (occupancy: Json) =>
  ((occupancy.rows ?? []) as Json[]).reduce(
    (sum, r) => sum + Number(r.observedMean) * Number(r.daysObserved),
    0,
  );

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const rows = Number(values.rows);
  const server = serve({ TT_DATA_DIR: path.resolve(String(dataDir)) });
  try {
    const base = await server.url;
    const token = await apiToken(base, `commissioner@${DOMAIN}`, DEMO_PASSWORD);
    const job = await planDay(base, token, DATE, Number(values["time-limit"]));
    if (job.status !== "succeeded") throw new Error(`the day plan ${job.status}`);
    const list = await apiMust(base, token, "GET", `/api/plans?serviceDate=${DATE}&limit=1`);
    const header = ((list.json.items ?? []) as Json[])[0] ?? {};
    await apiMust(base, token, "POST", `/api/plans/${header.id}/publish`);
    const plan = (await apiMust(base, token, "GET", `/api/plans/${header.id}`)).json;
    const runs = (plan.runs ?? []) as Json[];
    const vehicles = new Map<string, string>();
    for (let offset = 0; ; offset += 200) {
      const page = await apiMust(base, token, "GET", `/api/vehicles?limit=200&offset=${offset}`);
      const found = (page.json.items ?? []) as Json[];
      for (const v of found) vehicles.set(String(v.id), String(v.reference));
      if (found.length < 200) break;
    }
    const csv = tapsCsv(runs, vehicles, rows, 1);
    const first = await importTaps(base, token, csv);
    if (first.status !== 201)
      throw new Error(`import: ${first.status} ${JSON.stringify(first.json)}`);
    const occupancyQuery = `/api/occupancy?from=${FROM}&to=${TO}&percentile=85`;
    const askStarted = performance.now();
    const before = (await apiMust(base, token, "GET", occupancyQuery)).json;
    const occupancyMs = Math.round(performance.now() - askStarted);
    const badCsv = `${tapsCsv(runs, vehicles, rows, 2)}2026-11-31,CARD,NO-SUCH,Nowhere,25:00\n`;
    const refused = await importTaps(base, token, badCsv);
    const after = (await apiMust(base, token, "GET", occupancyQuery)).json;
    const again = await importTaps(base, token, csv);
    const result = {
      benchmark: "tap-import",
      command: `npx tsx benchmarks/src/tap-import.ts --data-dir <demo> --rows ${rows}`,
      date: new Date().toISOString(),
      machine: machineWithLoad(loadBefore),
      plan: { date: DATE, runs: runs.length },
      file: { rows, bytes: Buffer.byteLength(csv), period: `${FROM} to ${TO}` },
      import: { status: first.status, httpMs: first.ms, report: first.json },
      allOrNothing: {
        status: refused.status,
        httpMs: refused.ms,
        message: refused.json.message,
        firstProblems: ((refused.json.details ?? []) as Json[]).slice(0, 3),
        travellersBefore: travellersOf(before),
        travellersAfter: travellersOf(after),
        unchanged: travellersOf(before) === travellersOf(after),
      },
      sameFileAgain: { status: again.status, httpMs: again.ms, report: again.json },
      occupancy: {
        httpMs: occupancyMs,
        rows: ((before.rows ?? []) as Json[]).length,
        uncoveredRuns: ((before.uncovered ?? []) as Json[]).length,
        sweeperSeats: before.sweeperSeats,
        sample: ((before.rows ?? []) as Json[]).slice(0, 3),
      },
    };
    writeFileAtomic(
      path.join(repoRoot, "benchmarks/results/tap-import.json"),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    server.child.kill();
  }
}

await main();
