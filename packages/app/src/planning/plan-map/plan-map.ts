import type { Passenger, Place, TripEnd, TripRequest, Vehicle } from "@tt/domain";
import type { PlanRunStop, StoredPlan } from "../../ports";

/** Homes are given to three decimal places (about 100 m): a run's shape, never a front door. */
export const HOME_DECIMALS = 3;

export function roundHome(value: number): number {
  const factor = 10 ** HOME_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** Where a stop is: a place, exactly and by name, or a home, rounded and never named. */
export interface PlacedPoint {
  readonly lat: number;
  readonly lon: number;
  readonly kind: "home" | "place";
  /** The place's name; null for a home. */
  readonly name: string | null;
  readonly withheld: false;
}

/** A passenger's home for a role that may not read passengers: no position at all. */
export interface WithheldHome {
  readonly kind: "home";
  readonly name: null;
  readonly withheld: true;
}

export type PlanMapPoint = PlacedPoint | WithheldHome;

/** A home without its position, for roles that may not read passengers. */
export const WITHHELD_HOME: WithheldHome = { kind: "home", name: null, withheld: true };

export interface PlanMapStop {
  /** 0-based position in the run's stops (breaks counted). */
  readonly position: number;
  readonly kind: "pickup" | "dropoff";
  readonly tripRequestId: string;
  /** Null for roles that may not read passengers, or when the request is no longer held. */
  readonly tripReference: string | null;
  /** Null when the trip request, its place or its passenger is no longer in the register. */
  readonly at: PlanMapPoint | null;
}

export interface PlanMapRun {
  readonly id: string;
  readonly vehicleId: string;
  readonly vehicleReference: string | null;
  readonly stops: readonly PlanMapStop[];
}

export interface PlanMapUnassigned {
  readonly tripRequestId: string;
  readonly tripReference: string | null;
  readonly origin: PlanMapPoint | null;
  readonly destination: PlanMapPoint | null;
}

/** A plan as a map draws it: no passenger names, homes rounded (or withheld from the role). */
export interface PlanMap {
  readonly planId: string;
  readonly serviceDate: string;
  readonly revision: number;
  readonly homeDecimals: number;
  readonly runs: readonly PlanMapRun[];
  readonly unassigned: readonly PlanMapUnassigned[];
}

/** The register rows the map joins. */
export interface PlanMapSources {
  readonly vehicles: ReadonlyMap<string, Vehicle>;
  readonly trips: ReadonlyMap<string, TripRequest>;
  /** The passengers whose homes are placed; `"withheld"` when the role may not read passengers. */
  readonly passengers: ReadonlyMap<string, Passenger> | "withheld";
  readonly places: ReadonlyMap<string, Place>;
}

/** A trip's reference, only where the homes are shown too (roles that may read passengers). */
function referenceOf(trip: TripRequest | undefined, sources: PlanMapSources): string | null {
  if (!trip || sources.passengers === "withheld") return null;
  return trip.reference ?? null;
}

function pointOf(end: TripEnd, trip: TripRequest, sources: PlanMapSources): PlanMapPoint | null {
  if (end.kind === "place") {
    const place = sources.places.get(end.placeId);
    if (!place) return null;
    return { lat: place.lat, lon: place.lon, kind: "place", name: place.name, withheld: false };
  }
  if (sources.passengers === "withheld") return WITHHELD_HOME;
  const home = sources.passengers.get(trip.passengerId);
  if (!home) return null;
  const [lat, lon] = [roundHome(home.homeLat), roundHome(home.homeLon)];
  return { lat, lon, kind: "home", name: null, withheld: false };
}

function endsOf(id: string, sources: PlanMapSources) {
  const trip = sources.trips.get(id);
  return {
    tripRequestId: id,
    tripReference: referenceOf(trip, sources),
    origin: trip ? pointOf(trip.origin, trip, sources) : null,
    destination: trip ? pointOf(trip.destination, trip, sources) : null,
  };
}

function mapStop(stop: PlanRunStop, position: number, sources: PlanMapSources): PlanMapStop[] {
  if (stop.kind === "break") return [];
  const { tripRequestId, tripReference, origin, destination } = endsOf(stop.tripRequestId, sources);
  const at = stop.kind === "pickup" ? origin : destination;
  return [{ position, kind: stop.kind, tripRequestId, tripReference, at }];
}

/** Each run's stops with their positions, and where each unassigned request starts and ends. */
export function buildPlanMap(plan: StoredPlan, sources: PlanMapSources): PlanMap {
  return {
    planId: plan.id,
    serviceDate: plan.serviceDate,
    revision: plan.revision,
    homeDecimals: HOME_DECIMALS,
    runs: plan.runs.map((run) => ({
      id: run.id,
      vehicleId: run.vehicleId,
      vehicleReference: sources.vehicles.get(run.vehicleId)?.reference ?? null,
      stops: run.stops.flatMap((stop, i) => mapStop(stop, i, sources)),
    })),
    unassigned: plan.unassigned.map((u) => endsOf(u.tripRequestId, sources)),
  };
}

/** The trip requests a plan names, in runs or unassigned. */
export function planTripIds(plan: StoredPlan): string[] {
  const inRuns = plan.runs.flatMap((r) =>
    r.stops.flatMap((s) => (s.kind === "break" ? [] : [s.tripRequestId])),
  );
  return [...inRuns, ...plan.unassigned.map((u) => u.tripRequestId)];
}

/** The passengers whose homes the trips start or end at. */
export function homePassengerIds(trips: Iterable<TripRequest>): string[] {
  const ids: string[] = [];
  for (const t of trips) {
    if (t.origin.kind === "home" || t.destination.kind === "home") ids.push(t.passengerId);
  }
  return ids;
}
