import {
  bestInsertion,
  buildInsertion,
  type InsertionResult,
  RouteCache,
} from "../operators/insertion-eval";
import type { SearchContext } from "./context";
import { recomputeRouteCost, removeRequest, type State, usedVehicles } from "./state";

const res: InsertionResult = { delta: 0, i: 0, j: 0 };

/** A relocate move just made: the request, its old and new vehicle, the predicted cost change. */
export interface RelocateMove {
  readonly request: number;
  readonly from: number;
  readonly to: number;
  /** Insertion delta minus the removal saving: the change of the plan's objective. */
  readonly predicted: number;
}

/**
 * Relocate descent: take each served request out and put it back at its cheapest feasible place
 * (any run, including its own), keeping the move when it lowers the cost. Repeats until no move
 * improves. Used to polish each new best solution of the ALNS. Hot loop over every request and
 * run: one function on purpose.
 */
export function relocateDescent(
  ctx: SearchContext,
  state: State,
  maxVehicles: number,
  maxRounds = 10,
  /** Told of each move made (tests of the move deltas); it does not change the search. */
  onMove?: (move: RelocateMove) => void,
): void {
  const inst = ctx.inst;
  const V = inst.vehicles.length;
  const caches = inst.vehicles.map(() => new RouteCache());
  const fresh = new Uint8Array(V);
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    for (let v0 = 0; v0 < V; v0++) {
      const requests = state.routes[v0]!.filter((x) => x < 2 * inst.n && (x & 1) === 0).map(
        (x) => x >> 1,
      );
      for (const r of requests) {
        if (inst.linked[r]! >= 0) continue;
        const oldNodes = state.routes[v0]!.slice();
        const oldCost = state.costs[v0]!;
        removeRequest(state, v0, r);
        recomputeRouteCost(ctx, state, v0);
        fresh[v0] = 0;
        const saving = oldCost - state.costs[v0]!;
        const canOpen = usedVehicles(state) < maxVehicles;
        let best = { v: -1, delta: saving - 1e-7, i: 0, j: 0 };
        const triedClasses = new Set<number>();
        for (let v = 0; v < V; v++) {
          if (inst.allowed[r * V + v] === 0) continue;
          const empty = state.routes[v]!.length === 0;
          if (empty && (!canOpen || triedClasses.has(ctx.vehicleClass[v]!))) continue;
          if (empty) triedClasses.add(ctx.vehicleClass[v]!);
          const cache = caches[v]!;
          if (fresh[v] === 0) {
            cache.prepare(ctx, inst.vehicles[v]!, state.routes[v]!, state.costs[v]!);
            fresh[v] = 1;
          }
          bestInsertion(ctx, cache, r, res);
          if (res.delta < best.delta) best = { v, delta: res.delta, i: res.i, j: res.j };
        }
        if (best.v < 0) {
          state.routes[v0] = oldNodes;
          state.costs[v0] = oldCost;
          fresh[v0] = 0;
          continue;
        }
        const len = buildInsertion(state.routes[best.v]!, r, best.i, best.j, ctx.scratch);
        state.routes[best.v] = Array.from(ctx.scratch.subarray(0, len));
        recomputeRouteCost(ctx, state, best.v);
        fresh[best.v] = 0;
        onMove?.({ request: r, from: v0, to: best.v, predicted: best.delta - saving });
        improved = true;
      }
    }
    if (!improved) return;
  }
}
