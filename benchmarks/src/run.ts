import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  benchmarkAnswer,
  evaluate,
  type Problem,
  parseCordeau,
  parseLiLim,
  solve,
} from "@tt/solver";
import { type BenchArgs, parseArgs, selectInstances } from "./args";
import { writeFileAtomic } from "./files";
import { type Bks, instanceFile, listInstances, readBks, repoRoot } from "./instances";
import { describeMachine } from "./machine";
import { type ResultRow, summarise, toCsv, toMarkdown } from "./report";

/**
 * `npm run bench -- --set cordeau|lilim --time-limit S --seeds 1..k [--instances a,b] [--label L]`
 * Arguments and instance names are all checked, and every instance parsed, before the first
 * solve; the CSV and Markdown are rewritten after every run, so a stopped run keeps what it
 * finished.
 */
function main(): void {
  const prepared = prepare(process.argv.slice(2));
  if (!prepared) {
    process.exitCode = 1;
    return;
  }
  const { args, problems, bks } = prepared;
  const budget = args.timeLimit !== undefined ? `${args.timeLimit}s` : `${args.iterations}it`;
  const base = path.join(
    repoRoot,
    "benchmarks",
    "results",
    `${args.set}-${budget}${args.label ? `-${args.label}` : ""}`,
  );
  const planned = problems.length * args.seeds.length;
  const rows: ResultRow[] = [];
  console.log(`${planned} runs; results in ${path.relative(repoRoot, base)}.csv and .md`);
  for (const { name, problem } of problems) {
    for (const seed of args.seeds) {
      rows.push(runOnce(args, problem, name, seed, bks.get(name)));
      writeResults(base, `${args.set} at ${budget} per run`, rows, planned);
    }
  }
  const s = summarise(rows);
  console.log(
    `\n${s.feasibleComplete}/${s.runs} feasible and complete; mean gap ${s.meanGap.toFixed(3)}%` +
      (args.set === "lilim"
        ? `; BKS vehicles ${s.bksVehicleHits}/${s.runs}; gap at BKS vehicles ${s.meanGapSameVehicles.toFixed(3)}%`
        : ""),
  );
}

/** Arguments, instance names, instance files and BKS, or undefined after printing what is wrong. */
function prepare(argv: readonly string[]) {
  try {
    const args = parseArgs(argv);
    const names = selectInstances(args.set, args.instances, listInstances(args.set));
    const problems = names.map((name) => ({ name, problem: readProblem(args, name) }));
    return { args, problems, bks: readBks(args.set) };
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function readProblem(args: BenchArgs, name: string): Problem {
  const text = readFileSync(instanceFile(args.set, name), "utf8");
  return args.set === "cordeau" ? parseCordeau(text, name) : parseLiLim(text, name);
}

/** One solve, re-checked by evaluate() and scored against the best-known solution. */
function runOnce(
  args: BenchArgs,
  problem: Problem,
  name: string,
  seed: number,
  ref: Bks | undefined,
): ResultRow {
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
  console.log(
    `${name} seed ${seed}: cost ${row.cost.toFixed(2)} bks ${row.bks ?? "-"} gap ${row.gap?.toFixed(2) ?? "-"}% ` +
      `veh ${row.vehicles}/${row.bksVehicles ?? "-"} unassigned ${row.unassigned} violations ${row.violations} ` +
      `iters ${row.iterations} ${seconds.toFixed(1)}s`,
  );
  return row;
}

function writeResults(base: string, title: string, rows: ResultRow[], planned: number): void {
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`;
  writeFileAtomic(`${base}.csv`, toCsv(rows));
  writeFileAtomic(`${base}.md`, toMarkdown(title, rows, describeMachine(), command, planned));
}

main();
