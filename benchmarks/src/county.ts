import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { evaluate, solve } from "@tt/solver";
import { countyProblem } from "./county-instance";
import { repoRoot } from "./instances";
import { describeMachine } from "./machine";

/** `npx tsx benchmarks/src/county.ts --requests 3000 --vehicles 300 --time-limit 120 --seed 1` */
const argv = process.argv.slice(2);
const get = (flag: string, dflt: number): number => {
  const i = argv.indexOf(flag);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const requests = get("--requests", 3000);
const vehicles = get("--vehicles", 300);
const timeLimit = get("--time-limit", 120);
const seed = get("--seed", 1);
const t0 = performance.now();
const problem = countyProblem({ requests, vehicles, seed });
const tGen = performance.now();
const solution = solve(problem, { seed, timeLimit, clock: () => performance.now() });
const tSolve = performance.now();
const check = evaluate(problem, solution);
const reasons: Record<string, number> = {};
for (const u of solution.unassigned) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
const result = {
  instance: problem.name,
  machine: describeMachine(),
  timeLimit,
  generateSeconds: (tGen - t0) / 1000,
  solveSeconds: (tSolve - tGen) / 1000,
  iterations: solution.iterations,
  served: requests - solution.unassigned.length,
  unassigned: reasons,
  vehiclesUsed: solution.vehicles,
  cost: solution.cost,
  violations: check.violations.length,
};
console.log(JSON.stringify(result, null, 2));
const out = path.join(
  repoRoot,
  "benchmarks",
  "results",
  `county-${requests}x${vehicles}-${timeLimit}s.json`,
);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
