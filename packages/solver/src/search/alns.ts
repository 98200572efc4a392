import { ejectionPass } from "../operators/ejection";
import { insertRequests } from "../operators/insert-requests";
import { randomRemoval } from "../operators/random-removal";
import type { RemovalOperator } from "../operators/removal";
import { routeRemoval } from "../operators/route-removal";
import { shawRemoval } from "../operators/shaw-removal";
import { worstRemoval } from "../operators/worst-removal";
import type { Rng } from "../rng";
import type { Budget, Phase } from "../stop/budget";
import { Annealing } from "./acceptance";
import type { SearchContext } from "./context";
import { relocateDescent } from "./local-search";
import type { SearchParams } from "./params";
import { cloneState, routingCost, type State, totalCost } from "./state";

/** Destroy operators in the registry; each says which problems it supports. */
export const REMOVALS: readonly RemovalOperator[] = [
  randomRemoval,
  worstRemoval,
  shawRemoval,
  routeRemoval,
];

interface RepairOperator {
  readonly id: string;
  readonly regret: number;
  readonly noisy: boolean;
}

const REPAIRS: readonly RepairOperator[] = [
  { id: "greedy", regret: 1, noisy: false },
  { id: "greedy-noise", regret: 1, noisy: true },
  { id: "regret-2", regret: 2, noisy: false },
  { id: "regret-2-noise", regret: 2, noisy: true },
  { id: "regret-3", regret: 3, noisy: false },
];

const SCORE_BEST = 33;
const SCORE_BETTER = 9;
const SCORE_ACCEPTED = 13;
const REACTION = 0.1;
const SEGMENT = 100;

export interface AlnsOptions {
  readonly rng: Rng;
  readonly budget: Budget;
  readonly phase: Phase;
  readonly maxVehicles: number;
  readonly params: SearchParams;
  /** Stop as soon as every request is served (used when eliminating a run). */
  readonly stopWhenComplete?: boolean;
  /** Stop after this many iterations of this call. */
  readonly maxIterations?: number;
  /** Told of every new best state (progress reporting only). */
  readonly onBest?: (best: State) => void;
}

class Roulette {
  readonly weights: number[];
  readonly scores: number[];
  readonly uses: number[];
  constructor(n: number) {
    this.weights = new Array<number>(n).fill(1);
    this.scores = new Array<number>(n).fill(0);
    this.uses = new Array<number>(n).fill(0);
  }
  pick(rng: Rng): number {
    const total = this.weights.reduce((a, b) => a + b, 0);
    let x = rng.next() * total;
    for (let i = 0; i < this.weights.length; i++) {
      x -= this.weights[i]!;
      if (x < 0) return i;
    }
    return this.weights.length - 1;
  }
  update(): void {
    for (let i = 0; i < this.weights.length; i++) {
      if (this.uses[i]! > 0) {
        this.weights[i] =
          this.weights[i]! * (1 - REACTION) + (REACTION * this.scores[i]!) / this.uses[i]!;
      }
      this.weights[i] = Math.max(this.weights[i]!, 0.05);
      this.scores[i] = 0;
      this.uses[i] = 0;
    }
  }
}

/**
 * Adaptive large neighbourhood search (Ropke & Pisinger 2006): destroy with a roulette-chosen
 * removal, repair with greedy/regret insertion (optionally noisy), accept by simulated annealing.
 * Returns the best state found. The main loop stays in one function so each iteration reads top
 * to bottom (destroy, repair, polish, accept, score).
 */
export function alns(ctx: SearchContext, start: State, opts: AlnsOptions): State {
  const { rng, budget, phase } = opts;
  const n = ctx.inst.n;
  const removals = REMOVALS.filter((o) => o.supports(ctx));
  const rRoulette = new Roulette(removals.length);
  const iRoulette = new Roulette(REPAIRS.length);
  let current = cloneState(start);
  let currentCost = totalCost(ctx, current);
  let best = cloneState(start);
  let bestCost = currentCost;
  const pr = opts.params;
  const annealing = new Annealing(Math.max(routingCost(start), 1), pr.startWorse, pr.endRatio);
  const qMin = Math.min(n, Math.max(1, pr.removalMin));
  const qMax = Math.min(
    n,
    Math.max(qMin, Math.min(pr.removalMaxCap, Math.ceil(pr.removalMaxFraction * n))),
  );
  const noise = pr.noise * ctx.maxDistance;
  // The relocate descent costs O(n · V) insertion evaluations: only worth it on small problems.
  const polish = pr.polish && n * ctx.inst.vehicles.length <= 20_000;
  // Large fleets: ejection chains for the requests left waiting, at set points of the phase.
  const ejectAt = ctx.granularRoutes > 0 ? pr.ejectionAt.slice() : [];
  let local = 0;
  let sinceBest = 0;
  while (!phase.done() && (opts.maxIterations === undefined || local < opts.maxIterations)) {
    if (opts.stopWhenComplete && best.unassigned.length === 0) break;
    local++;
    budget.iterations++;
    const ri = rRoulette.pick(rng);
    const ii = iRoulette.pick(rng);
    const repair = REPAIRS[ii]!;
    const cand = cloneState(current);
    const q = qMin + rng.int(qMax - qMin + 1);
    removals[ri]!.remove(ctx, cand, q, rng);
    insertRequests(ctx, cand, {
      regret: repair.regret,
      noise: repair.noisy ? noise : 0,
      rng,
      maxVehicles: opts.maxVehicles,
    });
    let c = totalCost(ctx, cand);
    if (polish && c < bestCost - 1e-9) {
      relocateDescent(ctx, cand, opts.maxVehicles);
      c = totalCost(ctx, cand);
    }
    let score = 0;
    sinceBest++;
    if (c < bestCost - 1e-9) {
      best = cloneState(cand);
      bestCost = c;
      score = SCORE_BEST;
      sinceBest = 0;
      opts.onBest?.(best);
    } else if (c < currentCost - 1e-9) {
      score = SCORE_BETTER;
    }
    if (annealing.accept(c, currentCost, phase.progress(), rng)) {
      if (score === 0 && Math.abs(c - currentCost) > 1e-9) score = SCORE_ACCEPTED;
      current = cand;
      currentCost = c;
    }
    if (ejectAt.length > 0 && phase.progress() >= ejectAt[0]!) {
      ejectAt.shift();
      const placed = placeWaiting(ctx, best, opts);
      if (placed) {
        best = placed;
        bestCost = totalCost(ctx, best);
        current = cloneState(best);
        currentCost = bestCost;
        sinceBest = 0;
        opts.onBest?.(best);
      }
    }
    if (pr.restartAfter > 0 && sinceBest >= pr.restartAfter) {
      // Intensify: go back to the best solution after a long run without improvement.
      current = cloneState(best);
      currentCost = bestCost;
      sinceBest = 0;
    }
    rRoulette.scores[ri]! += score;
    rRoulette.uses[ri]!++;
    iRoulette.scores[ii]! += score;
    iRoulette.uses[ii]!++;
    if (local % SEGMENT === 0) {
      rRoulette.update();
      iRoulette.update();
    }
  }
  return best;
}

/** The best plan with ejection chains applied to its unserved requests, if they placed any. */
function placeWaiting(ctx: SearchContext, best: State, opts: AlnsOptions): State | undefined {
  const placed = cloneState(best);
  const done = () => opts.phase.done();
  const routes = opts.params.ejectionRoutes;
  const n = ejectionPass(ctx, placed, { maxVehicles: opts.maxVehicles, routes, done });
  return n > 0 ? placed : undefined;
}
