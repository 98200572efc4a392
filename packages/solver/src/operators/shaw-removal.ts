import type { SearchContext } from "../search/context";
import type { RemovalOperator } from "./removal";
import { removeAll, servedRequests } from "./removal";

const RANDOMNESS = 6;

/** Relatedness of two requests: close pick-ups and drop-offs, similar times and loads. */
function relatedness(
  ctx: SearchContext,
  a: number,
  b: number,
  scaleD: number,
  scaleT: number,
): number {
  const { dist, nLoc, loc, early, late } = ctx.inst;
  const pa = 2 * a;
  const pb = 2 * b;
  const d = dist[loc[pa]! * nLoc + loc[pb]!]! + dist[loc[pa + 1]! * nLoc + loc[pb + 1]!]!;
  const t =
    Math.abs(early[pa]! + late[pa]! - early[pb]! - late[pb]!) / 2 +
    Math.abs(early[pa + 1]! + late[pa + 1]! - early[pb + 1]! - late[pb + 1]!) / 2;
  return (9 * d) / scaleD + (3 * t) / scaleT;
}

/** Removes a seed request and the requests most related to it (Shaw 1998, Ropke & Pisinger 2006). */
export const shawRemoval: RemovalOperator = {
  id: "shaw-removal",
  supports: () => true,
  remove(ctx, state, q, rng) {
    const served = servedRequests(ctx, state);
    if (served.length === 0) return;
    const scaleD = ctx.maxDistance || 1;
    const scaleT = ctx.horizon || 1;
    const picked = [served.splice(rng.int(served.length), 1)[0]!];
    while (picked.length < q && served.length > 0) {
      const ref = picked[rng.int(picked.length)]!.r;
      const scored = served.map((x, k) => ({ k, s: relatedness(ctx, ref, x.r, scaleD, scaleT) }));
      scored.sort((a, b) => a.s - b.s || a.k - b.k);
      const pick = scored[Math.floor(rng.next() ** RANDOMNESS * scored.length)]!;
      picked.push(served.splice(pick.k, 1)[0]!);
    }
    removeAll(ctx, state, picked);
  },
};
