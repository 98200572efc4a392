import type { Rng } from "../rng";
import type { SearchContext } from "../search/context";
import { recomputeRouteCost, removeRequest, type State } from "../search/state";

/** A destroy operator: takes about `q` requests out of the runs into `state.unassigned`. */
export interface RemovalOperator {
  readonly id: string;
  supports(ctx: SearchContext): boolean;
  remove(ctx: SearchContext, state: State, q: number, rng: Rng): void;
}

/** Served requests with their vehicle index. */
export function servedRequests(ctx: SearchContext, state: State): { r: number; v: number }[] {
  const out: { r: number; v: number }[] = [];
  state.routes.forEach((nodes, v) => {
    for (const node of nodes)
      if (node < 2 * ctx.inst.n && (node & 1) === 0) out.push({ r: node >> 1, v });
  });
  return out;
}

/** Removes the given requests and refreshes the costs of the runs they left. */
export function removeAll(
  ctx: SearchContext,
  state: State,
  items: readonly { r: number; v: number }[],
): void {
  const touched = new Set<number>();
  for (const { r, v } of items) {
    removeRequest(state, v, r);
    state.unassigned.push(r);
    touched.add(v);
  }
  for (const v of touched) recomputeRouteCost(ctx, state, v);
}
