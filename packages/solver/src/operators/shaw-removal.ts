import type { Rng } from "../rng";
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

/** On large fleets (granular insertion on), each pick ranks a random sample this big. */
const LARGE_SAMPLE = 400;

/**
 * Indices of the served requests a pick ranks: all of them, or on large fleets a random sample
 * (ranking all of 3,000 requests for each of up to 60 picks was a fifth of a county iteration).
 */
function candidates(ctx: SearchContext, count: number, rng: Rng): number[] {
  if (ctx.granularRoutes === 0 || count <= LARGE_SAMPLE)
    return Array.from({ length: count }, (_, k) => k);
  const out = new Set<number>();
  while (out.size < LARGE_SAMPLE) out.add(rng.int(count));
  return [...out];
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
      const scored = candidates(ctx, served.length, rng).map((k) => ({
        k,
        s: relatedness(ctx, ref, served[k]!.r, scaleD, scaleT),
      }));
      scored.sort((a, b) => a.s - b.s || a.k - b.k);
      const pick = scored[Math.floor(rng.next() ** RANDOMNESS * scored.length)]!;
      picked.push(served.splice(pick.k, 1)[0]!);
    }
    removeAll(ctx, state, picked);
  },
};
