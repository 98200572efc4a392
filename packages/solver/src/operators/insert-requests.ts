import type { Rng } from "../rng";
import type { SearchContext } from "../search/context";
import { recomputeRouteCost, routeOfRequests, type State, usedVehicles } from "../search/state";
import { insertRequestsGranular } from "./granular-insert";
import { bestInsertion, buildInsertion, type InsertionResult, RouteCache } from "./insertion-eval";
import { insertTop, regretScore } from "./regret";

export interface InsertOptions {
  /** 1 = greedy (cheapest first); k >= 2 = regret-k. */
  readonly regret: number;
  /** Noise amplitude added to insertion costs (0 = none). */
  readonly noise: number;
  readonly rng: Rng;
  /** At most this many vehicles in use. */
  readonly maxVehicles: number;
  /** Try every unassigned request, never a sample of them (the construction does). */
  readonly everyRequest?: boolean;
  /**
   * Told of each insertion just made, with the run-cost change the search predicted for it (noise
   * included). For tests of the move deltas; it does not change the search.
   */
  readonly onInsert?: (request: number, vehicle: number, predicted: number) => void;
}

/**
 * Inserts `state.unassigned` (in place) by greedy or regret-k insertion, caching each
 * request's best insertion per run and refreshing only the run that changed.
 * Runs once per ALNS iteration: kept as one function (with local closures over the cost cache)
 * on purpose, beyond the 40-line guideline.
 */
export function insertRequests(ctx: SearchContext, state: State, opts: InsertOptions): void {
  if (ctx.granularRoutes > 0) {
    insertRequestsGranular(ctx, state, opts, ctx.granularRoutes);
    return;
  }
  const inst = ctx.inst;
  const V = inst.vehicles.length;
  const pending = state.unassigned.slice();
  const U = pending.length;
  if (U === 0) return;
  const where = routeOfRequests(ctx, state);
  const cost = new Float64Array(U * V).fill(Number.POSITIVE_INFINITY);
  const posI = new Int32Array(U * V);
  const posJ = new Int32Array(U * V);
  const caches = new Map<number, RouteCache>();
  const res: InsertionResult = { delta: 0, i: 0, j: 0 };
  const live = new Uint8Array(U).fill(1);
  const candidates = new Set<number>();
  let used = usedVehicles(state);
  const noiseScale = opts.noise;

  const refresh = (v: number): void => {
    let c = caches.get(v);
    if (!c) {
      c = new RouteCache();
      caches.set(v, c);
    }
    c.prepare(ctx, inst.vehicles[v]!, state.routes[v]!, state.costs[v]!);
    for (let u = 0; u < U; u++) {
      if (live[u] === 0) continue;
      const r = pending[u]!;
      const idx = u * V + v;
      const partner = inst.linked[r]!;
      const partnerRoute = partner >= 0 ? where[partner]! : -1;
      if (inst.allowed[r * V + v] === 0 || (partnerRoute >= 0 && partnerRoute !== v)) {
        cost[idx] = Number.POSITIVE_INFINITY;
        continue;
      }
      bestInsertion(ctx, c, r, res);
      // Serving a request costing more than its penalty would make the plan worse.
      let d = res.delta < inst.penalty[r]! ? res.delta : Number.POSITIVE_INFINITY;
      if (noiseScale > 0 && d < Number.POSITIVE_INFINITY)
        d = Math.max(0, d + noiseScale * (2 * opts.rng.next() - 1));
      cost[idx] = d;
      posI[idx] = res.i;
      posJ[idx] = res.j;
    }
  };
  const addEmptyCandidates = (): void => {
    if (used >= opts.maxVehicles) return;
    const seen = new Set<number>();
    for (const v of candidates) if (state.routes[v]!.length === 0) seen.add(ctx.vehicleClass[v]!);
    for (let v = 0; v < V; v++) {
      if (state.routes[v]!.length > 0 || candidates.has(v) || seen.has(ctx.vehicleClass[v]!))
        continue;
      seen.add(ctx.vehicleClass[v]!);
      candidates.add(v);
      refresh(v);
    }
  };
  for (let v = 0; v < V; v++) {
    if (state.routes[v]!.length > 0) {
      candidates.add(v);
      refresh(v);
    }
  }
  addEmptyCandidates();

  const k = opts.regret;
  const top = new Float64Array(Math.max(1, k));
  for (let step = 0; step < U; step++) {
    let bestU = -1;
    let bestV = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let u = 0; u < U; u++) {
      if (live[u] === 0) continue;
      top.fill(Number.POSITIVE_INFINITY);
      let argmin = -1;
      for (const v of candidates) {
        const c = cost[u * V + v]!;
        if (c === Number.POSITIVE_INFINITY) continue;
        if (c < top[0]!) argmin = v;
        insertTop(top, c);
      }
      if (argmin < 0) continue;
      const c0 = top[0]!;
      const score = regretScore(top, k);
      if (score > bestScore || (score === bestScore && c0 < bestCost)) {
        bestScore = score;
        bestCost = c0;
        bestU = u;
        bestV = argmin;
      }
    }
    if (bestU < 0) break;
    const r = pending[bestU]!;
    const idx = bestU * V + bestV;
    const nodes = state.routes[bestV]!;
    const wasEmpty = nodes.length === 0;
    const len = buildInsertion(nodes, r, posI[idx]!, posJ[idx]!, ctx.scratch);
    state.routes[bestV] = Array.from(ctx.scratch.subarray(0, len));
    recomputeRouteCost(ctx, state, bestV);
    opts.onInsert?.(r, bestV, cost[idx]!);
    live[bestU] = 0;
    where[r] = bestV;
    if (wasEmpty) {
      used++;
      if (used >= opts.maxVehicles) {
        for (const v of [...candidates]) if (state.routes[v]!.length === 0) candidates.delete(v);
      }
    }
    refresh(bestV);
    const partner = inst.linked[r]!;
    if (partner >= 0) {
      const pu = pending.indexOf(partner);
      if (pu >= 0 && live[pu] === 1)
        for (const v of candidates) if (v !== bestV) cost[pu * V + v] = Number.POSITIVE_INFINITY;
    }
    if (wasEmpty) addEmptyCandidates();
  }
  state.unassigned = pending.filter((_, u) => live[u] === 1);
}
