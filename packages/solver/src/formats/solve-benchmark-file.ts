import { performance } from "node:perf_hooks";
import type { Problem } from "../problem";
import type { Solution } from "../solution";
import { solve } from "../solve";
import { assertValidProblem } from "../validate";
import { type BenchmarkAnswer, benchmarkAnswer } from "./benchmark-answer";
import { parseCordeau } from "./cordeau";
import { parseLiLim } from "./li-lim";

export type BenchmarkFormat = "cordeau" | "lilim" | "json";

export interface SolveFileOptions {
  readonly seed: number;
  readonly timeLimitSeconds?: number;
  readonly iterations?: number;
}

/** Parses a file in the given format, solves it and returns a JSON-able answer (a Solution for json). */
export function solveBenchmarkFile(
  text: string,
  format: BenchmarkFormat,
  opts: SolveFileOptions,
): BenchmarkAnswer | Solution {
  const problem: Problem =
    format === "cordeau"
      ? parseCordeau(text)
      : format === "lilim"
        ? parseLiLim(text)
        : assertValidProblem(JSON.parse(text));
  const iterations = opts.iterations ?? (opts.timeLimitSeconds === undefined ? 5000 : undefined);
  const solution = solve(problem, {
    seed: opts.seed,
    ...(iterations !== undefined ? { iterations } : {}),
    ...(opts.timeLimitSeconds !== undefined
      ? { timeLimit: opts.timeLimitSeconds, clock: () => performance.now() }
      : {}),
  });
  return format === "json" ? solution : benchmarkAnswer(problem, solution);
}
