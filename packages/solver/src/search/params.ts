/** Tunable search parameters; defaults are the tuned values used by the benchmarks. */
export interface SearchParams {
  /** Requests removed per iteration: uniform in [min, max], max = min(cap, fraction * n). */
  readonly removalMin: number;
  readonly removalMaxFraction: number;
  readonly removalMaxCap: number;
  /** Annealing: start temperature accepts a solution this fraction worse with probability 1/2. */
  readonly startWorse: number;
  /** Annealing: end temperature as a fraction of the start temperature. */
  readonly endRatio: number;
  /** Insertion noise as a fraction of the largest distance. */
  readonly noise: number;
  /** Share of the budget spent removing vehicles under `vehicles-then-distance`. */
  readonly vehiclePhase: number;
  /** Iterations allowed for each attempt at removing a run. */
  readonly attemptIterations: number;
  /** Polish each new best solution with a relocate descent. */
  readonly polish: boolean;
  /** Return to the best solution after this many iterations without a new best (0 = never). */
  readonly restartAfter: number;
  /**
   * Fleets of at least this many vehicles use granular insertion: each request is tried on its
   * `granularRoutes` nearest runs (and one empty vehicle per class) instead of on every run.
   */
  readonly granularMinVehicles: number;
  readonly granularRoutes: number;
  /**
   * Large fleets (granular insertion): points of the search's progress (0..1) at which the best
   * plan's unserved requests are offered to ejection chains, and the runs tried per request.
   */
  readonly ejectionAt: readonly number[];
  readonly ejectionRoutes: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  removalMin: 4,
  removalMaxFraction: 0.45,
  removalMaxCap: 60,
  startWorse: 0.01,
  endRatio: 0.01,
  noise: 0,
  vehiclePhase: 0.6,
  attemptIterations: 1500,
  polish: true,
  restartAfter: 1000,
  granularMinVehicles: 50,
  granularRoutes: 30,
  ejectionAt: [0.5, 0.75, 0.9, 0.97],
  ejectionRoutes: 40,
};
