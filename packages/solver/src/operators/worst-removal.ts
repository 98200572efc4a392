import type { SearchContext } from "../search/context";
import type { RemovalOperator } from "./removal";
import { removeAll, servedRequests } from "./removal";

const RANDOMNESS = 3;

/** Distance saved by taking request r's two stops out of its run. */
export function removalSaving(
  ctx: SearchContext,
  nodes: readonly number[],
  v: number,
  r: number,
): number {
  const { dist, nLoc, loc } = ctx.inst;
  const veh = ctx.inst.vehicles[v]!;
  const locAt = (k: number): number =>
    k < 0 ? veh.startLoc : k >= nodes.length ? veh.endLoc : loc[nodes[k]!]!;
  let saving = 0;
  let prev = -1;
  const kept: number[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (node === 2 * r || node === 2 * r + 1) continue;
    kept.push(k);
  }
  // Old length of the whole run minus new length (runs are short, so this stays cheap).
  let old = 0;
  for (let k = -1; k < nodes.length; k++) old += dist[locAt(k) * nLoc + locAt(k + 1)]!;
  let now = 0;
  prev = veh.startLoc;
  for (const k of kept) {
    const l = locAt(k);
    now += dist[prev * nLoc + l]!;
    prev = l;
  }
  now += dist[prev * nLoc + veh.endLoc]!;
  saving = old - now;
  return saving;
}

/** Removes requests whose stops cost the most, with randomisation (Ropke & Pisinger). */
export const worstRemoval: RemovalOperator = {
  id: "worst-removal",
  supports: () => true,
  remove(ctx, state, q, rng) {
    const served = servedRequests(ctx, state).map((x) => ({
      ...x,
      saving: removalSaving(ctx, state.routes[x.v]!, x.v, x.r),
    }));
    served.sort((a, b) => b.saving - a.saving || a.r - b.r);
    const picked: { r: number; v: number }[] = [];
    while (picked.length < q && served.length > 0) {
      const k = Math.floor(rng.next() ** RANDOMNESS * served.length);
      picked.push(served[k]!);
      served.splice(k, 1);
    }
    removeAll(ctx, state, picked);
  },
};
