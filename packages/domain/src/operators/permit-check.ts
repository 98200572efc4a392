import type { Confidence } from "../entitlement/types";
import type { VehicleKind } from "../fleet/vehicle";
import { type PermitPassengerClass, SECTION_19_CLASSES } from "./commission";
import type { ComplianceDocument } from "./compliance";

/** A threshold the product relies on, versioned, with where it comes from. */
export interface SourcedLimit {
  readonly version: string;
  readonly value: number;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * Most passengers a section 19 standard permit's vehicle is adapted to carry; above it, a large
 * bus permit (domain rules §0.3, §3.2).
 */
export const STANDARD_PERMIT_MAX_PASSENGERS: SourcedLimit = {
  version: "si-2009-365",
  value: 16,
  source: "Section 19 Permits Regulations 2009 (SI 2009/365), explanatory note: standard permit",
  confidence: "verified",
};

/** Most passengers a volunteer's car carries under a car scheme: a car, under 9 seats [D]. */
export const CAR_SCHEME_MAX_PASSENGERS: SourcedLimit = {
  version: "psv-under-9-seats",
  value: 8,
  source:
    "A vehicle adapted to carry fewer than 9 passengers is not a bus (domain rules §3.2); the car scheme exemption itself is [U] (domain rules §3.5)",
  confidence: "derived",
};

/** A vehicle of the group as the check reads it. */
export interface PermitVehicle {
  readonly id: string;
  readonly reference: string;
  readonly kind: VehicleKind;
  /** Passenger seats plus wheelchair spaces. */
  readonly capacity: number;
}

/** The trip the group would carry. */
export interface PermitTrip {
  readonly passengerClass: PermitPassengerClass;
  readonly passengers: number;
  readonly date: string;
}

/** How the group may carry the trip: the vehicle and what allows it. */
export interface PermitCover {
  readonly vehicleId: string;
  readonly basis: "section-19-permit" | "section-22-permit" | "car-scheme";
}

export type PermitCheck =
  | { readonly allowed: true; readonly covers: readonly PermitCover[] }
  | { readonly allowed: false; readonly reason: string };

const inForce = (d: ComplianceDocument, date: string) =>
  (!d.validFrom || d.validFrom <= date) && date <= d.expiresOn;

/** The classes a section 19 permit carries: those it names, else every section 19 class. */
export function permitClasses(document: ComplianceDocument): readonly PermitPassengerClass[] {
  const named = document.passengerClasses ?? [];
  return named.length > 0 ? named : SECTION_19_CLASSES;
}

/** Whether one document lets the vehicle carry the trip. */
function covers(d: ComplianceDocument, vehicle: PermitVehicle, trip: PermitTrip): boolean {
  if (d.vehicleId !== vehicle.id || !inForce(d, trip.date)) return false;
  if (vehicle.capacity < trip.passengers) return false;
  // A section 22 community bus permit may carry the general public [S] (domain rules §3.4).
  if (d.kind === "section-22-permit") return true;
  if (d.kind !== "section-19-permit") return false;
  // The permit's class is read from the vehicle: standard up to 16, large bus above.
  return (permitClasses(d) as readonly PermitPassengerClass[]).includes(trip.passengerClass);
}

/**
 * Whether a group may carry a trip (domain rules §3): one of its vehicles holds a section 19
 * permit in force that day whose classes include the passenger's (never the general public), or a
 * section 22 permit in force, with room for the passengers; or a volunteer's car under a car
 * scheme, which needs no permit while passengers pay no more than running costs ([S]/[U], §3.5).
 * Not checked: the gateway exemption (§3.1), a section 22 service's registered route, drivers'
 * licence entitlement (§3.3).
 */
export function checkPermit(
  vehicles: readonly PermitVehicle[],
  documents: readonly ComplianceDocument[],
  trip: PermitTrip,
): PermitCheck {
  const found: PermitCover[] = [];
  for (const vehicle of vehicles) {
    if (vehicle.kind === "volunteer-car") {
      if (trip.passengers <= Math.min(vehicle.capacity, CAR_SCHEME_MAX_PASSENGERS.value)) {
        found.push({ vehicleId: vehicle.id, basis: "car-scheme" });
      }
      continue;
    }
    const document = documents.find((d) => covers(d, vehicle, trip));
    if (document?.kind === "section-19-permit" || document?.kind === "section-22-permit") {
      found.push({ vehicleId: vehicle.id, basis: document.kind });
    }
  }
  if (found.length > 0) return { allowed: true, covers: found };
  return { allowed: false, reason: refusalReason(vehicles, documents, trip) };
}

function refusalReason(
  vehicles: readonly PermitVehicle[],
  documents: readonly ComplianceDocument[],
  trip: PermitTrip,
): string {
  const ids = new Set(vehicles.map((v) => v.id));
  const permits = documents.filter(
    (d) =>
      (d.kind === "section-19-permit" || d.kind === "section-22-permit") &&
      d.vehicleId !== undefined &&
      ids.has(d.vehicleId) &&
      inForce(d, trip.date),
  );
  if (permits.length === 0)
    return `the group holds no section 19 or 22 permit in force on ${trip.date}`;
  if (
    trip.passengerClass === "general-public" &&
    permits.every((d) => d.kind === "section-19-permit")
  ) {
    return "a section 19 permit never carries the general public";
  }
  return `no permit of the group in force on ${trip.date} carries ${trip.passengers} of its passengers in this class (${trip.passengerClass})`;
}

/** Whether a vehicle's section 19 permit is a standard one (up to 16 passengers) or a large bus's. */
export function section19PermitClass(vehicle: PermitVehicle): "standard" | "large-bus" {
  return vehicle.capacity <= STANDARD_PERMIT_MAX_PASSENGERS.value ? "standard" : "large-bus";
}
