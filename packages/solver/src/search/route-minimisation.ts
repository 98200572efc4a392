import type { Rng } from "../rng";
import type { Budget, Phase } from "../stop/budget";
import { alns } from "./alns";
import type { SearchContext } from "./context";
import type { SearchParams } from "./params";
import { cloneState, recomputeRouteCost, type State, usedVehicles } from "./state";

/**
 * Vehicle minimisation for the `vehicles-then-distance` objective: repeatedly empty one of the
 * smallest runs and let the ALNS, limited to one vehicle fewer, try to serve every request again.
 * After a failed attempt the ALNS improves the distance at the current vehicle count.
 */
export function minimiseVehicles(
  ctx: SearchContext,
  start: State,
  rng: Rng,
  budget: Budget,
  phase: Phase,
  params: SearchParams,
): State {
  let best = start;
  while (!phase.done() && best.unassigned.length === 0) {
    const k = usedVehicles(best);
    if (k <= 1) break;
    const attempt = cloneState(best);
    const used = attempt.routes
      .map((nodes, v) => ({ v, size: nodes.length }))
      .filter((x) => x.size > 0)
      .sort((a, b) => a.size - b.size || a.v - b.v);
    const pick = used[Math.floor(rng.next() ** 2 * used.length)]!;
    for (const node of attempt.routes[pick.v]!)
      if ((node & 1) === 0 && node < 2 * ctx.inst.n) attempt.unassigned.push(node >> 1);
    attempt.routes[pick.v] = [];
    recomputeRouteCost(ctx, attempt, pick.v);
    const result = alns(ctx, attempt, {
      rng,
      budget,
      phase,
      params,
      maxVehicles: k - 1,
      stopWhenComplete: true,
      maxIterations: params.attemptIterations,
    });
    if (result.unassigned.length === 0) {
      best = result;
    } else {
      // Failed: improve the distance at the current vehicle count before the next attempt, so the
      // time spent is not lost and later attempts start from different, better plans.
      best = alns(ctx, best, {
        rng,
        budget,
        phase,
        params,
        maxVehicles: k,
        maxIterations: params.attemptIterations,
      });
    }
  }
  return best;
}
