import { EPS, fmt, type RunConstraint, violation } from "./constraint";

/** Ride time (end of pick-up service to start of drop-off service) within the request's limit. */
export const rideTime: RunConstraint = {
  id: "ride-time",
  check(run) {
    const out = [];
    const pickAt = new Map<string, number>();
    for (let k = 0; k < run.stops.length; k++) {
      const s = run.stops[k]!;
      if (s.kind === "pickup" && s.request) pickAt.set(s.request, k);
      if (s.kind !== "dropoff" || !s.request) continue;
      const pk = pickAt.get(s.request);
      if (pk === undefined) continue;
      const limit = run.inst.maxRide[run.nodes[k]! >> 1]!;
      const ride = s.start - run.stops[pk]!.departure;
      if (ride > limit + EPS) {
        out.push(
          violation(
            "ride-time",
            run,
            [s.request],
            [pk, k],
            ride - limit,
            `${s.request} rides ${fmt(ride)} min, over its limit of ${fmt(limit)} min`,
          ),
        );
      }
    }
    return out;
  },
};
