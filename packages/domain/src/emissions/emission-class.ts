import type { VehicleKind } from "../fleet/vehicle";
import {
  EMISSION_CLASSES,
  EMISSION_FACTORS,
  type EmissionClass,
  type EmissionFactor,
  type EmissionFactorTable,
} from "./factors";

/** Default emission class of each vehicle kind, when the register says nothing more precise. */
const CLASS_OF_KIND: Readonly<Record<VehicleKind, EmissionClass>> = {
  car: "car-average",
  taxi: "taxi-regular",
  "wheelchair-accessible-vehicle": "wav-diesel",
  minibus: "minibus-diesel",
  coach: "coach-diesel",
  "volunteer-car": "car-average",
  ambulance: "ambulance-diesel",
};

export function emissionClassOf(kind: VehicleKind): EmissionClass {
  return CLASS_OF_KIND[kind];
}

export function isEmissionClass(key: string): key is EmissionClass {
  return (EMISSION_CLASSES as readonly string[]).includes(key);
}

/** The factor of an emission class; throws, naming the class and table, when it has none. */
export function getEmissionFactor(
  emissionClass: string,
  table: EmissionFactorTable = EMISSION_FACTORS,
): EmissionFactor {
  const factor = isEmissionClass(emissionClass) ? table.factors[emissionClass] : undefined;
  if (!factor) {
    throw new Error(
      `unknown emission class "${emissionClass}" in emission factors ${table.version}; known: ${EMISSION_CLASSES.join(", ")}`,
    );
  }
  return factor;
}
