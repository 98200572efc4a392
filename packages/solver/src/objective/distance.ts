import type { RunCostTerm } from "./term";

/** Cost per distance unit driven, depot to depot. */
export const distanceCost: RunCostTerm = {
  id: "distance",
  cost: (run) => run.vehicle.perDistance * run.distance,
};
