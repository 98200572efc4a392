import { bestInsertion, type InsertionResult, RouteCache } from "./operators/insertion-eval";
import type { SearchContext } from "./search/context";
import type { State } from "./search/state";
import type { Unassigned } from "./solution";

/** Explains why a request is left unserved, checking the simplest causes first. */
export function explainUnassigned(ctx: SearchContext, state: State, r: number): Unassigned {
  const inst = ctx.inst;
  const req = inst.problem.requests[r]!;
  const V = inst.vehicles.length;
  const out = (reason: Unassigned["reason"], message: string): Unassigned => ({
    request: req.id,
    reason,
    message,
  });
  const featureOk = inst.vehicles.filter((v) => {
    const feats = new Set(v.vehicle.features ?? []);
    return (
      (req.features ?? []).every((f) => feats.has(f)) &&
      (!req.needsAssistant || v.vehicle.hasAssistant)
    );
  });
  if (featureOk.length === 0) {
    const needs = [
      ...(req.features ?? []),
      ...(req.needsAssistant ? ["a passenger assistant"] : []),
    ];
    return out("features", `no vehicle has ${needs.join(" and ") || "the features needed"}`);
  }
  if (!featureOk.some((v) => inst.allowed[r * V + v.index] === 1)) {
    return out(
      "capacity",
      `the load (${req.load.join(", ")}) fits no layout of a suitable vehicle`,
    );
  }
  const direct = inst.time[req.pickup.location * inst.nLoc + req.dropoff.location]!;
  if (direct > inst.maxRide[r]! + 1e-9) {
    return out(
      "ride-time",
      `the direct journey takes ${direct.toFixed(1)} min, over the ride-time limit`,
    );
  }
  const alone = [2 * r, 2 * r + 1];
  const candidates = inst.vehicles.filter((v) => inst.allowed[r * V + v.index] === 1);
  if (!candidates.some((v) => ctx.scheduler.run(v, alone, 2, true))) {
    return out(
      "time-window",
      "no vehicle can reach the pick-up and drop-off within their windows and its shift",
    );
  }
  const cache = new RouteCache();
  const res: InsertionResult = { delta: 0, i: 0, j: 0 };
  let best = Number.POSITIVE_INFINITY;
  for (const v of candidates) {
    cache.prepare(ctx, v, state.routes[v.index]!, state.costs[v.index]!);
    bestInsertion(ctx, cache, r, res);
    best = Math.min(best, res.delta);
  }
  if (best < Number.POSITIVE_INFINITY) {
    return out(
      "not-worth-penalty",
      `serving it would add ${best.toFixed(2)}, more than its penalty of ${inst.penalty[r]}`,
    );
  }
  if (ctx.sharingRequest[r] === 1) {
    return out(
      "incompatibility",
      "every run that could take it carries a passenger it may not share with",
    );
  }
  return out("capacity", "no vehicle has room at the times needed");
}
