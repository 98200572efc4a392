import type { RunCostTerm } from "./term";

/** The vehicle's fixed cost, paid once when it is used. */
export const fixedCost: RunCostTerm = { id: "fixed", cost: (run) => run.vehicle.fixed };
