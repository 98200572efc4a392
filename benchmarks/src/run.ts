import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { benchmarkAnswer, evaluate, parseCordeau, parseLiLim, solve } from "@tt/solver";
import { parseArgs } from "./args";
import { instanceFile, listInstances, readBks, repoRoot } from "./instances";
import { describeMachine } from "./machine";
import { type ResultRow, summarise, toCsv, toMarkdown } from "./report";

const args = parseArgs(process.argv.slice(2));
const bks = readBks(args.set);
const names = args.instances ?? listInstances(args.set);
const rows: ResultRow[] = [];
for (const name of names) {
  const text = readFileSync(instanceFile(args.set, name), "utf8");
  const problem = args.set === "cordeau" ? parseCordeau(text, name) : parseLiLim(text, name);
  for (const seed of args.seeds) {
    const t0 = performance.now();
    const solution = solve(problem, {
      seed,
      ...(args.iterations !== undefined ? { iterations: args.iterations } : {}),
      ...(args.timeLimit !== undefined
        ? { timeLimit: args.timeLimit, clock: () => performance.now() }
        : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    const check = evaluate(problem, solution);
    const answer = benchmarkAnswer(problem, solution);
    const ref = bks.get(name);
    const row: ResultRow = {
      instance: name,
      seed,
      cost: answer.cost,
      bks: ref?.cost,
      gap: ref ? (100 * (answer.cost - ref.cost)) / ref.cost : undefined,
      vehicles: answer.vehicles,
      bksVehicles: ref?.vehicles,
      unassigned: check.unserved.length,
      violations: check.violations.length,
      iterations: solution.iterations,
      seconds,
    };
    rows.push(row);
    console.log(
      `${name} seed ${seed}: cost ${row.cost.toFixed(2)} bks ${row.bks ?? "-"} gap ${row.gap?.toFixed(2) ?? "-"}% ` +
        `veh ${row.vehicles}/${row.bksVehicles ?? "-"} unassigned ${row.unassigned} violations ${row.violations} ` +
        `iters ${row.iterations} ${seconds.toFixed(1)}s`,
    );
  }
}
const budget = args.timeLimit !== undefined ? `${args.timeLimit}s` : `${args.iterations}it`;
const base = `${args.set}-${budget}${args.label ? `-${args.label}` : ""}`;
const outDir = path.join(repoRoot, "benchmarks", "results");
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, `${base}.csv`), toCsv(rows));
const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`;
writeFileSync(
  path.join(outDir, `${base}.md`),
  toMarkdown(`${args.set} at ${budget} per run`, rows, describeMachine(), command),
);
const s = summarise(rows);
console.log(
  `\n${s.feasibleComplete}/${s.runs} feasible and complete; mean gap ${s.meanGap.toFixed(3)}%` +
    (args.set === "lilim"
      ? `; BKS vehicles ${s.bksVehicleHits}/${s.runs}; gap at BKS vehicles ${s.meanGapSameVehicles.toFixed(3)}%`
      : ""),
);
