import type { RunCostTerm } from "./term";

/** Cost per hour of run duration (departure from the start depot to arrival at the end depot). */
export const timeCost: RunCostTerm = {
  id: "time",
  cost: (run) => run.vehicle.perMinute * (run.end - run.start),
};
