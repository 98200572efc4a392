import type { Plan, Problem } from "@tt/solver";
import {
  createWorkerSolveRunner,
  defaultSolveCapacity,
  MAX_TIME_LIMIT_SECONDS,
  type SolveRunner,
} from "../../planning";
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
  /** How many requests the coalition has: with a time limit, each plan's share of time follows it. */
  size?(mask: number): number;
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
 * Solves every coalition in `masks` with the same seed, smallest coalitions first. Each coalition
 * of two or more funders starts from the plans of two smaller coalitions that make it up, put
 * together (the pair with the lowest objective: `startPlan`), so a coalition's plan is never
 * worse than that pair's when their fleets are apart. Coalitions of one size are solved
 * `parallel` at a time, largest first. With a time limit, `timeLimitSeconds` is the mean per plan:
 * each plan's share of the total follows its number of requests (`planSeconds`). The first failure
 * stops new solves and rejects once the running ones have settled.
 */
export async function solveCoalitions(
  masks: readonly number[],
  source: CoalitionSource,
  options: CoalitionSolveOptions,
): Promise<Map<number, SolvedPlan>> {
  const runner = options.runner ?? createWorkerSolveRunner();
  const parallel = Math.max(1, Math.floor(options.parallel ?? defaultSolveCapacity()));
  const seconds = planSeconds(masks, source, options.timeLimitSeconds);
  const done = new Map<number, SolvedPlan>();
  const progress = new ProgressTally(masks, seconds, options.onProgress);
  for (const level of bySize(masks)) {
    const queue = level.sort((a, b) => (source.size?.(b) ?? 0) - (source.size?.(a) ?? 0) || a - b);
    let failure: unknown;
    const next = async (): Promise<void> => {
      while (failure === undefined) {
        const mask = queue.shift();
        if (mask === undefined) return;
        const job = { mask, seconds: seconds.get(mask), initial: startPlan(mask, done) };
        try {
          done.set(mask, await solveOne(job, source, runner, options, progress));
        } catch (error) {
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, next));
    if (failure !== undefined) throw failure;
  }
  return new Map([...masks].map((mask) => [mask, done.get(mask) as SolvedPlan]));
}

/** The masks grouped by their number of funders, smallest first. */
function bySize(masks: readonly number[]): number[][] {
  const levels = new Map<number, number[]>();
  for (const mask of masks) {
    const k = popcount(mask);
    levels.set(k, [...(levels.get(k) ?? []), mask]);
  }
  return [...levels.keys()].sort((a, b) => a - b).map((k) => levels.get(k) ?? []);
}

/** Below this many funders every split of a coalition is tried; above it, one funder off. */
const ALL_SPLITS_UP_TO = 10;

/**
 * The plan a coalition starts from: the runs of two solved coalitions that split it in two, the
 * pair with the lowest sum of objectives (cost plus unserved penalties); undefined when no split
 * has both parts solved (e.g. a single funder).
 */
export function startPlan(mask: number, solved: ReadonlyMap<number, SolvedPlan>): Plan | undefined {
  let best: { a: SolvedPlan; b: SolvedPlan; objective: number } | undefined;
  for (const part of splitsOf(mask)) {
    const rest = mask ^ part;
    const a = solved.get(part);
    const b = solved.get(rest);
    if (part > rest || !a || !b) continue;
    const objective = a.solution.cost.total + b.solution.cost.total;
    if (!best || objective < best.objective) best = { a, b, objective };
  }
  return best && { runs: [...best.a.solution.runs, ...best.b.solution.runs] };
}

/** Proper non-empty parts of a mask: all of them for small coalitions, else one funder off. */
function splitsOf(mask: number): number[] {
  const out: number[] = [];
  if (popcount(mask) <= ALL_SPLITS_UP_TO) {
    for (let part = (mask - 1) & mask; part > 0; part = (part - 1) & mask) out.push(part);
    return out;
  }
  for (let bit = 1; bit <= mask; bit <<= 1) if (mask & bit && mask !== bit) out.push(mask ^ bit);
  return out;
}

/** The shortest time a coalition's plan gets when time is shared by size, seconds. */
export const MIN_PLAN_SECONDS = 1;

/**
 * Each plan's time limit: `mean` seconds for every plan when sizes are unknown; otherwise the
 * total (`mean` × plans) shared in proportion to each coalition's requests, at least
 * `MIN_PLAN_SECONDS` and at most the engine's limit.
 */
export function planSeconds(
  masks: readonly number[],
  source: Pick<CoalitionSource, "size">,
  mean: number | undefined,
): Map<number, number | undefined> {
  const sizes = masks.map((mask) => source.size?.(mask));
  const total = sizes.reduce<number>((sum, x) => sum + (x ?? 0), 0);
  return new Map(
    masks.map((mask, i) => {
      const size = sizes[i];
      if (mean === undefined || size === undefined || total === 0) return [mask, mean];
      const share = (mean * masks.length * size) / total;
      return [mask, Math.min(MAX_TIME_LIMIT_SECONDS, Math.max(MIN_PLAN_SECONDS, share))];
    }),
  );
}

interface CoalitionJob {
  readonly mask: number;
  readonly seconds: number | undefined;
  readonly initial: Plan | undefined;
}

async function solveOne(
  job: CoalitionJob,
  source: CoalitionSource,
  runner: SolveRunner,
  options: CoalitionSolveOptions,
  progress: ProgressTally,
): Promise<SolvedPlan> {
  const { mask } = job;
  const problem = source.problem(mask);
  const label = source.label(mask);
  const outcome = await runner.run(
    {
      problem,
      seed: options.seed,
      ...(job.seconds === undefined ? {} : { timeLimitSeconds: job.seconds }),
      ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
      ...(job.initial ? { initial: job.initial } : {}),
    },
    { onProgress: (fraction) => progress.update(mask, fraction, `planning ${label}`) },
  );
  progress.update(mask, 1, `planned ${label} (${progress.finished + 1} of ${progress.total})`);
  progress.finished++;
  return { problem, solution: outcome.solution };
}

/** Sums each solve's share of its budget, weighted by its time, into one fraction for all. */
class ProgressTally {
  finished = 0;
  readonly total: number;
  private readonly weights = new Map<number, number>();
  private readonly fractions = new Map<number, number>();
  private readonly sum: number;

  constructor(
    masks: readonly number[],
    seconds: ReadonlyMap<number, number | undefined>,
    private readonly report?: (fraction: number, message: string) => void,
  ) {
    this.total = masks.length;
    for (const mask of masks) this.weights.set(mask, seconds.get(mask) ?? 1);
    this.sum = [...this.weights.values()].reduce((a, b) => a + b, 0);
  }

  update(mask: number, fraction: number, message: string): void {
    if (!this.report) return;
    this.fractions.set(mask, Math.min(1, Math.max(0, fraction)) * (this.weights.get(mask) ?? 1));
    let sum = 0;
    for (const f of this.fractions.values()) sum += f;
    this.report(this.sum === 0 ? 1 : sum / this.sum, message);
  }
}

export function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}
