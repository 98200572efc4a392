import type { PlaceInput, Random } from "@tt/domain";
import type { HomeSampler } from "./homes";
import type { DemoOrganisation, DemoOrganisationKey, DemoVehicle } from "./scenario-types";
import { VEHICLE_TYPES, type VehicleTypeName } from "./vehicle-types";

/** One line of an organisation's fleet: how many of a type, its reference prefix and operator. */
interface FleetLine {
  readonly count: number;
  readonly type: VehicleTypeName;
  readonly prefix: string;
  readonly operatorKey: string;
}

/** The fleet of each organisation (330 vehicles in all). */
export const FLEETS: Partial<Record<DemoOrganisationKey, readonly FleetLine[]>> = {
  cambridgeshire: [
    { count: 28, type: "councilMinibus16", prefix: "CCC-MB", operatorKey: "ccc-fleet" },
    { count: 12, type: "councilMinibus12x2", prefix: "CCC-MW", operatorKey: "ccc-fleet" },
  ],
  peterborough: [
    { count: 6, type: "councilMinibus16", prefix: "PCC-MB", operatorKey: "pcc-fleet" },
    { count: 4, type: "councilMinibus12x2", prefix: "PCC-MW", operatorKey: "pcc-fleet" },
  ],
  coaches: [
    { count: 32, type: "coach53", prefix: "WC-C53", operatorKey: "coaches" },
    { count: 12, type: "coach70", prefix: "WC-C70", operatorKey: "coaches" },
    { count: 12, type: "coach33", prefix: "WC-C33", operatorKey: "coaches" },
    { count: 80, type: "operatorMinibus16", prefix: "WC-MB", operatorKey: "coaches" },
    { count: 16, type: "operatorMinibusLift", prefix: "WC-ML", operatorKey: "coaches" },
  ],
  taxis: [
    { count: 150, type: "taxi", prefix: "RT-T", operatorKey: "taxis" },
    { count: 30, type: "taxiMpv", prefix: "RT-M", operatorKey: "taxis" },
    { count: 70, type: "wav", prefix: "RT-W", operatorKey: "taxis" },
  ],
  "patient-transport": [
    { count: 18, type: "ambulance", prefix: "LPT-A", operatorKey: "nepts" },
    { count: 12, type: "wav", prefix: "LPT-W", operatorKey: "nepts" },
  ],
  "community-transport": [
    { count: 20, type: "communityMinibus", prefix: "BCT-MB", operatorKey: "ct" },
    { count: 35, type: "volunteerCar", prefix: "BCT-VC", operatorKey: "cars" },
  ],
  consortium: [{ count: 3, type: "drtMinibus", prefix: "FEV-MB", operatorKey: "fen-edge-bus" }],
};

/** In-house fleets are costed without a margin; operators' prices vary ±10% around the type. */
function priced(random: Random, pence: number, inHouse: boolean): number {
  return inHouse ? pence : Math.round(pence * random.between(0.9, 1.1));
}

/**
 * Builds an organisation's vehicles, spread round-robin over its depots; volunteer cars are kept
 * at their drivers' homes in villages (a rural home drawn like a passenger's).
 */
export function buildVehicles(
  random: Random,
  organisation: DemoOrganisation,
  depots: readonly PlaceInput[],
  homes: HomeSampler,
): DemoVehicle[] {
  const vehicles: DemoVehicle[] = [];
  const inHouse = organisation.kind === "council";
  for (const line of FLEETS[organisation.key] ?? []) {
    const type = VEHICLE_TYPES[line.type];
    for (let n = 1; n <= line.count; n++) {
      const depot = depots[(vehicles.length + n) % Math.max(1, depots.length)];
      const base = type.kind === "volunteer-car" || !depot ? homes.sample("ruralOnly") : depot;
      vehicles.push({
        reference: `${line.prefix}-${String(n).padStart(2, "0")}`,
        kind: type.kind,
        operatorKey: line.operatorKey,
        seats: type.seats,
        wheelchairSpaces: type.wheelchairSpaces,
        layouts: type.layouts.map((l) => ({ ...l })),
        features: [...type.features],
        depotLat: base.lat,
        depotLon: base.lon,
        availableFrom: type.availableFrom,
        availableTo: type.availableTo,
        fixedCostPence: priced(random, type.fixedCostPence, inHouse),
        costPerKmPence: priced(random, type.costPerKmPence, inHouse),
        costPerHourPence: priced(random, type.costPerHourPence, inHouse),
        co2GramsPerKm: type.co2GramsPerKm,
      });
    }
  }
  return vehicles;
}
