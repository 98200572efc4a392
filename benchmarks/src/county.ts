import path from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { evaluate, solve } from "@tt/solver";
import { countyProblem } from "./county-instance";
import { type CurvePoint, curveCsv, curvePoint, servability, thinCurve } from "./county-report";
import { writeFileAtomic } from "./files";
import { repoRoot } from "./instances";
import { describeMachine } from "./machine";

/**
 * `npx tsx benchmarks/src/county.ts --requests 3000 --vehicles 300 --time-limit 120 --seed 1`
 * Writes `benchmarks/results/county-<requests>x<vehicles>-<limit>s[-seed<n>].json` (result,
 * thinned improvement curve, peak memory, servability of the unassigned requests) and the curve as
 * `…-curve.csv` beside it.
 */
const argv = process.argv.slice(2);
const get = (flag: string, dflt: number, min: number): number => {
  const i = argv.indexOf(flag);
  const x = i >= 0 ? Number(argv[i + 1]) : dflt;
  if (!Number.isFinite(x) || x < min)
    throw new Error(`${flag} must be a number of at least ${min}`);
  return x;
};
const requests = get("--requests", 3000, 1);
const vehicles = get("--vehicles", 300, 1);
const timeLimit = get("--time-limit", 120, 0.001);
const seed = get("--seed", 1, 0);

/** Peak of the used JS heap, sampled at most every 0.1 s through the solver's clock. */
let peakHeap = v8.getHeapStatistics().used_heap_size;
let lastSample = 0;
const sampleHeap = (now: number): void => {
  lastSample = now;
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
};
const clock = (): number => {
  const now = performance.now();
  if (now - lastSample >= 100) sampleHeap(now);
  return now;
};

const t0 = performance.now();
const problem = countyProblem({ requests, vehicles, seed });
const tGen = performance.now();
const curve: CurvePoint[] = [];
const solution = solve(problem, {
  seed,
  timeLimit,
  clock,
  onProgress: (p) => {
    const now = performance.now();
    sampleHeap(now);
    curve.push(curvePoint((now - tGen) / 1000, p));
  },
});
const tSolve = performance.now();
sampleHeap(tSolve);
/** Peak resident memory of the process so far (generation and solve), in kB. */
const maxRssKb = process.resourceUsage().maxRSS;
const check = evaluate(problem, solution);
const reasons: Record<string, number> = {};
for (const u of solution.unassigned) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
// The curve closes at the end of the solve, at the final plan's cost (the search's own measure
// under the `cost` objective, as the solver's property tests check).
curve.push({
  seconds: (tSolve - tGen) / 1000,
  iterations: solution.iterations,
  bestCost: solution.cost.total,
  unassigned: solution.unassigned.length,
});
const thinned = thinCurve(curve, 60);
const result = {
  instance: problem.name,
  command: `npx tsx benchmarks/src/county.ts ${argv.join(" ")}`,
  machine: describeMachine(),
  timeLimit,
  generateSeconds: (tGen - t0) / 1000,
  solveSeconds: (tSolve - tGen) / 1000,
  iterations: solution.iterations,
  served: requests - solution.unassigned.length,
  unassigned: reasons,
  servability: servability(problem, solution),
  vehiclesUsed: solution.vehicles,
  cost: solution.cost,
  violations: check.violations.length,
  memory: {
    maxRssKb,
    peakHeapUsedMb: peakHeap / 2 ** 20,
    heapSampling: "used JS heap, at most every 0.1 s during the solve and at each progress report",
  },
  curve: { reports: curve.length - 1, points: thinned },
};
const { servableButUnassignedIds: _ids, ...servableCounts } = result.servability;
const summary = { ...result, servability: servableCounts, curve: { reports: curve.length - 1 } };
console.log(JSON.stringify(summary, null, 2));
const base = path.join(
  repoRoot,
  "benchmarks",
  "results",
  `county-${requests}x${vehicles}-${timeLimit}s${seed === 1 ? "" : `-seed${seed}`}`,
);
writeFileAtomic(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileAtomic(`${base}-curve.csv`, curveCsv(thinned));
console.log(`wrote ${path.relative(repoRoot, base)}.json and -curve.csv`);
