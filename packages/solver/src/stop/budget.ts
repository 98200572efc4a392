/** A clock returning milliseconds; injected so that the solver itself never reads the wall clock. */
export type Clock = () => number;

export interface BudgetOptions {
  readonly iterations?: number;
  /** Seconds; needs a clock. */
  readonly timeLimit?: number;
  readonly clock?: Clock;
}

const SEARCH_SHARE = 0.98;

/**
 * The stopping criterion: an iteration budget, a run-time budget (through the injected clock),
 * or both (whichever ends first). `progress()` runs from 0 to 1 and drives the annealing schedule.
 */
export class Budget {
  iterations = 0;
  private readonly startMs: number;

  constructor(private readonly opts: BudgetOptions) {
    if (opts.iterations === undefined && opts.timeLimit === undefined) {
      throw new Error("solve needs `iterations` or `timeLimit`");
    }
    if (opts.timeLimit !== undefined && !opts.clock) throw new Error("`timeLimit` needs a `clock`");
    this.startMs = opts.clock ? opts.clock() : 0;
  }

  progress(): number {
    let p = 0;
    if (this.opts.iterations !== undefined) p = this.iterations / Math.max(1, this.opts.iterations);
    if (this.opts.timeLimit !== undefined && this.opts.clock) {
      const elapsed = (this.opts.clock() - this.startMs) / 1000;
      // The search ends at 98 % of the limit, leaving time to schedule and explain the result.
      p = Math.max(p, elapsed / Math.max(1e-9, SEARCH_SHARE * this.opts.timeLimit));
    }
    return p;
  }

  done(): boolean {
    return this.progress() >= 1;
  }
}

/** A slice [from, to) of a parent budget's progress, seen as 0..1. */
export class Phase {
  constructor(
    readonly budget: Budget,
    private readonly from: number,
    private readonly to: number,
  ) {}

  progress(): number {
    return Math.min(1, Math.max(0, (this.budget.progress() - this.from) / (this.to - this.from)));
  }

  done(): boolean {
    return this.budget.progress() >= this.to;
  }
}
