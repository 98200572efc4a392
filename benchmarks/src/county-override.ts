/**
 * Does the demo county day accept a planner's change? Plans Cambridgeshire's day of 2026-11-24
 * (about 4,000 trip requests, 2,000 places) through `tt serve` and the HTTP API, then checks a
 * move of one trip request to another run (`POST /api/plans/{id}/evaluate`) `--repeats` times,
 * at the engine's cheapest position and then at a position given (the front of the run),
 * saves it as a revision (`PUT /api/plans/{id}/runs`) and checks the revision. Each check makes
 * the Problem's matrices again from its kept points. Writes `results/county-override.json` with
 * the machine and its load average.
 *
 *   TT_DATA_DIR=/tmp/demo npx tt demo
 *   npx tsx benchmarks/src/county-override.ts --data-dir /tmp/demo [--time-limit 30] [--repeats 5]
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "./files";
import { apiMust, type Json, machineWithLoad } from "./freeze/api";
import { percentiles, planDay } from "./freeze/load";
import { apiToken } from "./freeze/seed";
import { serve } from "./freeze/serve";
import { repoRoot } from "./instances";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    "time-limit": { type: "string", default: "30" },
    repeats: { type: "string", default: "5" },
  },
});
const dataDir = values["data-dir"];
if (!dataDir) throw new Error("--data-dir: a directory holding the demo (`tt demo`)");
const DATE = "2026-11-24";
const EMAIL = "commissioner@cambridgeshire.demo";
const DEMO_PASSWORD = "fenland-demo-2026";

interface Stop {
  kind: string;
  tripRequestId?: string;
}
interface Run {
  vehicleId: string;
  stops: Stop[];
}

/** A request, its milliseconds whole (as this benchmark has always reported them). */
async function call(base: string, token: string, method: string, route: string, body?: unknown) {
  const answer = await apiMust(base, token, method, route, body);
  return { ...answer, ms: Math.round(answer.ms) };
}

/** The first trip request of the busiest run, moved to the run with the fewest stops. */
function aMove(runs: readonly Run[]): { request: string; toVehicle: string } {
  const pickups = (run: Run) => run.stops.filter((s) => s.kind === "pickup").length;
  const sorted = [...runs].sort((a, b) => pickups(b) - pickups(a));
  const from = sorted[0];
  const to = sorted.at(-1);
  const request = from?.stops.find((s) => s.kind === "pickup")?.tripRequestId;
  if (!from || !to || !request) throw new Error("the plan has no run to move a request from");
  return { request, toVehicle: to.vehicleId };
}

/** A check's figures: violations, unserved requests and cost, without the lists. */
function figures(check: unknown): Json {
  const { violations, unserved, cost } = (check ?? {}) as Json;
  const count = (value: unknown) => (Array.isArray(value) ? value.length : value);
  return { violations: count(violations), unserved: count(unserved), cost };
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const server = serve({ TT_DATA_DIR: path.resolve(String(dataDir)) });
  try {
    const base = await server.url;
    const token = await apiToken(base, EMAIL, DEMO_PASSWORD);
    const planStarted = performance.now();
    const job = await planDay(base, token, DATE, Number(values["time-limit"]));
    if (job.status !== "succeeded") throw new Error(`the day plan ${job.status}`);
    const planSeconds = Math.round((performance.now() - planStarted) / 100) / 10;
    const list = await call(base, token, "GET", `/api/plans?serviceDate=${DATE}&limit=1`);
    const header = (list.json.items as Json[])[0] ?? {};
    const planId = String(header.id);
    const plan = await call(base, token, "GET", `/api/plans/${planId}`);
    const move = aMove(plan.json.runs as Run[]);
    const checks: number[] = [];
    let checked: Json = {};
    for (let i = 0; i < Number(values.repeats); i++) {
      const evaluated = await call(base, token, "POST", `/api/plans/${planId}/evaluate`, { move });
      checks.push(evaluated.ms);
      checked = evaluated.json;
    }
    // The same move at a position given (the end of the run): no search for the cheapest one.
    const end = { ...move, position: { pickup: 0, dropoff: 0 } };
    const positioned: number[] = [];
    for (let i = 0; i < Number(values.repeats); i++) {
      const evaluated = await call(base, token, "POST", `/api/plans/${planId}/evaluate`, {
        move: end,
      });
      positioned.push(evaluated.ms);
    }
    const body = { move, reason: "county override benchmark", acceptViolations: true };
    const saved = await call(base, token, "PUT", `/api/plans/${planId}/runs`, body);
    const revision = String((saved.json.plan as Json).id);
    const again = await call(base, token, "POST", `/api/plans/${revision}/evaluate`, { move });
    const summary = header.summary as Json;
    const result = {
      command: `npx tsx benchmarks/src/county-override.ts --data-dir DIR --time-limit ${values["time-limit"]} --repeats ${values.repeats}`,
      date: DATE,
      organisation: "Cambridgeshire County Council",
      machine: machineWithLoad(loadBefore),
      plan: {
        requests: summary.requests,
        assigned: summary.assigned,
        vehiclesUsed: summary.vehiclesUsed,
        problemKept: summary.problemKept,
        secondsEndToEnd: planSeconds,
      },
      move,
      evaluateMs: { each: checks, ...percentiles(checks) },
      evaluatePositionedMs: { each: positioned, ...percentiles(positioned) },
      evaluated: { before: figures(checked.before), after: figures(checked.after) },
      saveMs: saved.ms,
      revision: (saved.json.plan as Json).revision,
      evaluateRevisionMs: again.ms,
    };
    const file = path.join(repoRoot, "benchmarks/results/county-override.json");
    writeFileAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    server.child.kill();
  }
}

await main();
