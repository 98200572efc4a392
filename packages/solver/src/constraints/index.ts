import { breaks } from "./breaks";
import { capacity } from "./capacity";
import type { RunConstraint } from "./constraint";
import { rideTime } from "./ride-time";
import { doorThroughDoor, incompatibility } from "./sharing";
import { shift } from "./shift";
import { timeWindows } from "./time-windows";
import { vehicleFeatures } from "./vehicle-features";

export type { RunConstraint } from "./constraint";

/** Registry of run constraints checked by `evaluate()`. Plan-level rules live in `plan-structure.ts`. */
export const RUN_CONSTRAINTS: readonly RunConstraint[] = [
  timeWindows,
  rideTime,
  capacity,
  shift,
  vehicleFeatures,
  incompatibility,
  doorThroughDoor,
  breaks,
];
