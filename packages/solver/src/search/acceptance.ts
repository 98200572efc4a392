import type { Rng } from "../rng";

/**
 * Simulated-annealing acceptance with an exponential cooling schedule driven by progress (0..1):
 * the start temperature accepts a solution `startWorse` (fraction) worse with probability 1/2.
 */
export class Annealing {
  private readonly t0: number;
  private readonly t1: number;

  constructor(referenceCost: number, startWorse = 0.01, endRatio = 0.01) {
    this.t0 = Math.max(1e-9, (startWorse * referenceCost) / Math.LN2);
    this.t1 = this.t0 * endRatio;
  }

  temperature(progress: number): number {
    return this.t0 * (this.t1 / this.t0) ** Math.min(1, progress);
  }

  accept(candidate: number, current: number, progress: number, rng: Rng): boolean {
    if (candidate <= current) return true;
    return rng.next() < Math.exp(-(candidate - current) / this.temperature(progress));
  }
}
