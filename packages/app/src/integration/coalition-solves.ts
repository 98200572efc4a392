import type { Problem } from "@tt/solver";
import { createWorkerSolveRunner, type SolveRunner } from "../planning/solve-runner";
import { defaultSolveCapacity } from "../planning/solve-slots";
import type { SolvedPlan } from "./types";

/** Every coalition's plan by its bitmask (bit i = scenario.funders[i]). */
export type CoalitionPlans = ReadonlyMap<number, SolvedPlan>;

export interface CoalitionSolveOptions {
  readonly seed: number;
  readonly timeLimitSeconds?: number;
  readonly iterations?: number;
  /** Solves at once (default: cores − 1, at least 1). */
  readonly parallel?: number;
  /** Where the engine runs (default: a worker thread per solve). */
  readonly runner?: SolveRunner;
  /** Share of all the solves done (0..1) and what just happened. */
  readonly onProgress?: (fraction: number, message: string) => void;
}

/** The coalition's Problem and its name, e.g. "ccc-send+nhs-nepts". */
export interface CoalitionSource {
  problem(mask: number): Problem;
  label(mask: number): string;
}

/** Every non-empty coalition of `n` players, ascending: 1 .. 2^n − 1. */
export function allCoalitions(n: number): number[] {
  return Array.from({ length: 2 ** n - 1 }, (_, i) => i + 1);
}

/** The singletons and the grand coalition are always solved: they are the silo and pooled plans. */
export function withSiloAndPooled(n: number, masks: readonly number[]): number[] {
  const all = new Set(masks);
  for (let i = 0; i < n; i++) all.add(1 << i);
  all.add(2 ** n - 1);
  return [...all].sort((a, b) => a - b);
}

/**
 * Solves every coalition in `masks` with the same seed and budget, `parallel` at a time, largest
 * first (so the longest solves are not left for last). The first failure stops new solves and
 * rejects once the running ones have settled.
 */
export async function solveCoalitions(
  masks: readonly number[],
  source: CoalitionSource,
  options: CoalitionSolveOptions,
): Promise<Map<number, SolvedPlan>> {
  const runner = options.runner ?? createWorkerSolveRunner();
  const parallel = Math.max(1, Math.floor(options.parallel ?? defaultSolveCapacity()));
  const queue = [...masks].sort((a, b) => popcount(b) - popcount(a) || a - b);
  const done = new Map<number, SolvedPlan>();
  const progress = new ProgressTally(masks.length, options.onProgress);
  let failure: unknown;
  const next = async (): Promise<void> => {
    while (failure === undefined) {
      const mask = queue.shift();
      if (mask === undefined) return;
      try {
        done.set(mask, await solveOne(mask, source, runner, options, progress));
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, next));
  if (failure !== undefined) throw failure;
  return new Map([...masks].map((mask) => [mask, done.get(mask) as SolvedPlan]));
}

async function solveOne(
  mask: number,
  source: CoalitionSource,
  runner: SolveRunner,
  options: CoalitionSolveOptions,
  progress: ProgressTally,
): Promise<SolvedPlan> {
  const problem = source.problem(mask);
  const budget = {
    ...(options.timeLimitSeconds === undefined
      ? {}
      : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
  };
  const label = source.label(mask);
  const outcome = await runner.run(
    { problem, seed: options.seed, ...budget },
    { onProgress: (fraction) => progress.update(mask, fraction, `planning ${label}`) },
  );
  progress.update(mask, 1, `planned ${label} (${progress.finished + 1} of ${progress.total})`);
  progress.finished++;
  return { problem, solution: outcome.solution };
}

/** Sums each solve's share of its budget into one fraction for all the solves. */
class ProgressTally {
  finished = 0;
  private readonly fractions = new Map<number, number>();

  constructor(
    readonly total: number,
    private readonly report?: (fraction: number, message: string) => void,
  ) {}

  update(mask: number, fraction: number, message: string): void {
    if (!this.report) return;
    this.fractions.set(mask, Math.min(1, Math.max(0, fraction)));
    let sum = 0;
    for (const f of this.fractions.values()) sum += f;
    this.report(this.total === 0 ? 1 : sum / this.total, message);
  }
}

export function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}
