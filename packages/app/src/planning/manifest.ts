import {
  formatMinutesOfDay,
  type Passenger,
  type Place,
  type Seating,
  type TripRequest,
  type Vehicle,
} from "@tt/domain";
import type { PlanRun, PlanRunStop, StoredPlan } from "../ports";
import { vehicleLayouts } from "./map-vehicles";

/** Where a stop is: a place by name, or a passenger's home by the address the register holds. */
export interface ManifestPlace {
  readonly kind: "home" | "place";
  readonly name: string;
  readonly address: string | null;
  readonly postcode: string | null;
}

/** What a driver and passenger assistant must know about a passenger: no diagnoses, no birth date. */
export interface ManifestNeeds {
  readonly wheelchair: boolean;
  readonly passengerAssistant: boolean;
  readonly seating: Seating;
  readonly doorThroughDoor: boolean;
  readonly travelAlone: boolean;
  /** Escorts or carers travelling with the passenger on this trip. */
  readonly escorts: number;
}

export interface ManifestStop {
  /** 0-based position in the run. */
  readonly position: number;
  /** Start of service, "HH:MM"; `arrival` may be earlier (the vehicle waits). */
  readonly time: string;
  readonly arrival: string;
  readonly kind: PlanRunStop["kind"];
  readonly tripRequestId: string | null;
  readonly tripReference: string | null;
  /** Null for a driver's break. */
  readonly place: ManifestPlace | null;
  readonly passenger: { readonly reference: string; readonly name: string } | null;
  readonly needs: ManifestNeeds | null;
  /** The needs in words, for the printed sheet. */
  readonly notes: readonly string[];
  readonly onBoard: { readonly seats: number; readonly wheelchairs: number };
}

export interface Manifest {
  readonly planId: string;
  readonly planName: string;
  readonly serviceDate: string;
  readonly revision: number;
  readonly vehicle: {
    readonly id: string;
    readonly reference: string;
    readonly kind: Vehicle["kind"];
    readonly layout: { readonly seats: number; readonly wheelchairSpaces: number };
    readonly features: readonly string[];
    /** Whether the run carries a passenger assistant (PAs are not yet rostered by name). */
    readonly passengerAssistant: boolean;
  };
  readonly stops: readonly ManifestStop[];
}

/** The register rows a manifest joins: the run's trip requests, their passengers and places. */
export interface ManifestSources {
  readonly vehicle: Vehicle;
  readonly passengerAssistant: boolean;
  readonly trips: ReadonlyMap<string, TripRequest>;
  readonly passengers: ReadonlyMap<string, Passenger>;
  readonly places: ReadonlyMap<string, Place>;
}

const SEATING_NOTES: Partial<Record<Seating, string>> = {
  "front-seat": "front seat",
  "booster-seat": "booster seat (travels with the child)",
  "child-seat": "child seat (travels with the child)",
  harness: "harness",
};

/** The needs in the words a driver reads on a printed sheet. */
export function describeNeeds(needs: ManifestNeeds): string[] {
  const notes: string[] = [];
  if (needs.wheelchair) notes.push("travels in their wheelchair");
  if (needs.passengerAssistant) notes.push("needs a passenger assistant");
  const seating = SEATING_NOTES[needs.seating];
  if (seating) notes.push(seating);
  if (needs.doorThroughDoor) notes.push("door-through-door: escort to and from the door");
  if (needs.travelAlone) notes.push("travels alone");
  if (needs.escorts > 0) notes.push(`${needs.escorts} escort${needs.escorts > 1 ? "s" : ""}`);
  return notes;
}

function placeOf(
  stop: PlanRunStop,
  trip: TripRequest | undefined,
  passenger: Passenger | undefined,
  places: ReadonlyMap<string, Place>,
): ManifestPlace | null {
  if (stop.kind === "break" || !trip) return null;
  const end = stop.kind === "pickup" ? trip.origin : trip.destination;
  if (end.kind === "place") {
    const place = places.get(end.placeId);
    return {
      kind: "place",
      name: place?.name ?? "a place no longer in the register",
      address: null,
      postcode: place?.postcode ?? null,
    };
  }
  return {
    kind: "home",
    name: "Home",
    address: passenger?.homeAddress ?? null,
    postcode: passenger?.homePostcode ?? null,
  };
}

function needsOf(
  trip: TripRequest | undefined,
  passenger: Passenger | undefined,
): ManifestNeeds | null {
  if (!trip || !passenger) return null;
  const { wheelchair, passengerAssistant, seating, doorThroughDoor, travelAlone } = passenger.needs;
  return {
    wheelchair,
    passengerAssistant,
    seating,
    doorThroughDoor,
    travelAlone,
    escorts: trip.escorts,
  };
}

function manifestStop(stop: PlanRunStop, position: number, sources: ManifestSources): ManifestStop {
  const tripRequestId = stop.kind === "break" ? null : stop.tripRequestId;
  const trip = tripRequestId === null ? undefined : sources.trips.get(tripRequestId);
  const passenger = trip ? sources.passengers.get(trip.passengerId) : undefined;
  const needs = needsOf(trip, passenger);
  return {
    position,
    time: formatMinutesOfDay(stop.start),
    arrival: formatMinutesOfDay(stop.arrival),
    kind: stop.kind,
    tripRequestId,
    tripReference: trip?.reference ?? null,
    place: placeOf(stop, trip, passenger, sources.places),
    passenger: passenger
      ? { reference: passenger.reference, name: `${passenger.givenName} ${passenger.familyName}` }
      : null,
    needs,
    notes: needs ? describeNeeds(needs) : stop.kind === "break" ? ["driver's break"] : [],
    onBoard: { seats: stop.load[0] ?? 0, wheelchairs: stop.load[1] ?? 0 },
  };
}

/** A run's manifest: every stop in order with who, where and what the crew must know. */
export function buildManifest(plan: StoredPlan, run: PlanRun, sources: ManifestSources): Manifest {
  const v = sources.vehicle;
  const [seats, wheelchairSpaces] = vehicleLayouts(v)[run.layout] ?? [v.seats, v.wheelchairSpaces];
  return {
    planId: plan.id,
    planName: plan.name,
    serviceDate: plan.serviceDate,
    revision: plan.revision,
    vehicle: {
      id: v.id,
      reference: v.reference,
      kind: v.kind,
      layout: { seats: seats ?? 0, wheelchairSpaces: wheelchairSpaces ?? 0 },
      features: [...v.features],
      passengerAssistant: sources.passengerAssistant,
    },
    stops: run.stops.map((stop, i) => manifestStop(stop, i, sources)),
  };
}
