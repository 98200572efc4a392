import { type RunConstraint, violation } from "./constraint";

/** The vehicle has every feature a passenger needs, and an assistant when one is needed. */
export const vehicleFeatures: RunConstraint = {
  id: "vehicle-features",
  check(run) {
    const out = [];
    const v = run.vehicle.vehicle;
    const feats = new Set(v.features ?? []);
    for (let k = 0; k < run.stops.length; k++) {
      const s = run.stops[k]!;
      if (s.kind !== "pickup" || !s.request) continue;
      const r = run.inst.problem.requests[run.nodes[k]! >> 1]!;
      const missing = (r.features ?? []).filter((f) => !feats.has(f));
      if (missing.length > 0) {
        out.push(
          violation(
            "vehicle-features",
            run,
            [r.id],
            [k],
            missing.length,
            `${r.id} needs ${missing.join(", ")}, which vehicle ${v.id} lacks`,
          ),
        );
      }
      if (r.needsAssistant && !v.hasAssistant) {
        out.push(
          violation(
            "passenger-assistant",
            run,
            [r.id],
            [k],
            1,
            `${r.id} needs a passenger assistant; vehicle ${v.id} has none`,
          ),
        );
      }
    }
    return out;
  },
};
