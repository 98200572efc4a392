import { tripsOn } from "../trips";
import type { RunCostTerm } from "./term";

/** The vehicle's fixed cost, paid once when it is used, and its charge per trip carried. */
export const fixedCost: RunCostTerm = {
  id: "fixed",
  cost: (run) =>
    run.vehicle.fixed +
    (run.vehicle.perTrip === 0
      ? 0
      : run.vehicle.perTrip * tripsOn(run.inst.n, run.nodes, run.nodes.length)),
};
