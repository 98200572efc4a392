import type { SearchContext } from "../search/context";
import { recomputeRouteCost, routeOfRequests, type State, usedVehicles } from "../search/state";
import { bestInsertion, buildInsertion, type InsertionResult, RouteCache } from "./insertion-eval";

/**
 * Fast construction for large problems: requests in order of their earliest pick-up, each put at
 * its cheapest feasible place (one empty vehicle per vehicle class considered). O(U · V · m²)
 * instead of the O(U² · V · m²) of regret insertion.
 */
export function sequentialInsertion(
  ctx: SearchContext,
  state: State,
  maxVehicles: number,
  /** Told of each insertion made, with its predicted run-cost change (tests only). */
  onInsert?: (request: number, vehicle: number, predicted: number) => void,
): void {
  const inst = ctx.inst;
  const V = inst.vehicles.length;
  const where = routeOfRequests(ctx, state);
  const order = state.unassigned
    .slice()
    .sort((a, b) => inst.early[2 * a]! - inst.early[2 * b]! || a - b);
  const caches = inst.vehicles.map(() => new RouteCache());
  const fresh = new Uint8Array(V);
  const res: InsertionResult = { delta: 0, i: 0, j: 0 };
  const left: number[] = [];
  let used = usedVehicles(state);
  for (const r of order) {
    const partner = inst.linked[r]!;
    const partnerRoute = partner >= 0 ? where[partner]! : -1;
    const triedClasses = new Set<number>();
    let best = { v: -1, delta: inst.penalty[r]!, i: 0, j: 0 };
    for (let v = 0; v < V; v++) {
      if (inst.allowed[r * V + v] === 0 || (partnerRoute >= 0 && v !== partnerRoute)) continue;
      const empty = state.routes[v]!.length === 0;
      if (empty && (used >= maxVehicles || triedClasses.has(ctx.vehicleClass[v]!))) continue;
      if (empty) triedClasses.add(ctx.vehicleClass[v]!);
      if (fresh[v] === 0) {
        caches[v]!.prepare(ctx, inst.vehicles[v]!, state.routes[v]!, state.costs[v]!);
        fresh[v] = 1;
      }
      bestInsertion(ctx, caches[v]!, r, res);
      if (res.delta < best.delta) best = { v, delta: res.delta, i: res.i, j: res.j };
    }
    if (best.v < 0) {
      left.push(r);
      continue;
    }
    if (state.routes[best.v]!.length === 0) used++;
    const len = buildInsertion(state.routes[best.v]!, r, best.i, best.j, ctx.scratch);
    state.routes[best.v] = Array.from(ctx.scratch.subarray(0, len));
    recomputeRouteCost(ctx, state, best.v);
    fresh[best.v] = 0;
    where[r] = best.v;
    onInsert?.(r, best.v, best.delta);
  }
  state.unassigned = left;
}
