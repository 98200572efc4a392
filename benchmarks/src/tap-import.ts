/**
 * Smartcard taps at county scale: plans and publishes Cambridgeshire's demo day of 2026-11-24
 * through `tt serve`, then imports `--rows` taps (100,000 by default) on its runs' vehicles (the
 * council's own and its operators' granted ones), school day after school day from 28 October,
 * as one CSV through `POST /api/taps/import`, and asks for the occupancy of those days. Checks all or nothing: a second file of as many rows with one bad
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
/** Four school weeks ending on the plan's day and a little after, so occupancy meets the plan. */
const FROM = "2026-10-28";
const DOMAIN = "cambridgeshire.demo";
const DEMO_PASSWORD = "fenland-demo-2026";

/** School days (Monday to Friday) from `FROM`, as many as asked. */
function schoolDays(count: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(FROM); out.length < count; t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) out.push(day.toISOString().slice(0, 10));
  }
  return out;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** A run's regular travellers: as many cards as it has on board at most, and two spare. */
function cardsOf(run: Json, reference: string): string[] {
  const stops = (run.stops ?? []) as Json[];
  const peak = Math.max(
    1,
    ...stops.map((s) => ((s.load ?? []) as number[]).reduce((a, b) => a + b, 0)),
  );
  return Array.from({ length: peak + 2 }, (_, i) => `${reference}-C${String(i).padStart(3, "0")}`);
}

/**
 * `rows` taps on the runs' vehicles, school day after school day from `FROM`: each card boards
 * on nine days in ten, in the morning near the run's first stop and in the afternoon near its
 * last. Answers the file and the last day it reaches.
 */
function tapsCsv(runs: readonly Json[], vehicles: Map<string, string>, rows: number, seed: number) {
  const random = new Random(seed);
  const lines = ["date,card,vehicle,stop,time"];
  const days = schoolDays(100);
  let last = FROM;
  outer: for (const day of days) {
    last = day;
    for (const run of runs) {
      const reference = vehicles.get(String(run.vehicleId)) ?? "";
      const stops = (run.stops ?? []) as Json[];
      const legs = [Number(stops[0]?.start ?? 480), Number(stops.at(-1)?.start ?? 960) - 30];
      for (const card of cardsOf(run, reference)) {
        if (random.next() > 0.9) continue;
        for (const [leg, start] of legs.entries()) {
          if (lines.length > rows) break outer;
          const minutes = Math.max(0, Math.min(1439, Math.round(start) + random.int(0, 20)));
          lines.push(`${day},${card},${reference},Stop ${leg},${clock(minutes)}`);
        }
      }
    }
  }
  return { csv: `${lines.join("\n")}\n`, to: last };
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
    // Every run's vehicle, the council's own and those its operators grant it, by reference.
    const map = (await apiMust(base, token, "GET", `/api/plans/${header.id}/map`)).json;
    const vehicles = new Map<string, string>();
    for (const r of (map.runs ?? []) as Json[]) {
      if (r.vehicleReference) vehicles.set(String(r.vehicleId), String(r.vehicleReference));
    }
    const { csv, to: TO } = tapsCsv(runs, vehicles, rows, 1);
    const first = await importTaps(base, token, csv);
    if (first.status !== 201)
      throw new Error(`import: ${first.status} ${JSON.stringify(first.json)}`);
    const occupancyQuery = `/api/occupancy?from=${FROM}&to=${TO}&percentile=85`;
    const askStarted = performance.now();
    const before = (await apiMust(base, token, "GET", occupancyQuery)).json;
    const occupancyMs = Math.round(performance.now() - askStarted);
    const badCsv = `${tapsCsv(runs, vehicles, rows, 2).csv}2026-11-31,CARD,NO-SUCH,Nowhere,25:00\n`;
    const refused = await importTaps(base, token, badCsv);
    const after = (await apiMust(base, token, "GET", occupancyQuery)).json;
    const again = await importTaps(base, token, csv);
    const result = {
      benchmark: "tap-import",
      command: `npx tsx benchmarks/src/tap-import.ts --data-dir <demo> --rows ${rows}`,
      date: new Date().toISOString(),
      machine: machineWithLoad(loadBefore),
      plan: { date: DATE, runs: runs.length, vehiclesNamed: vehicles.size },
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
