import {
  describeLapse,
  findMinutesOfDay,
  occursOn,
  type Passenger,
  type Place,
  type Staff,
  type TermCalendar,
  type TripEnd,
  type TripRequest,
  type Vehicle,
} from "@tt/domain";
import { PROBLEM_VERSION, type Problem } from "@tt/solver";
import type { LatLon, TravelTimeProvider } from "../ports";
import type { HeldBackVehicle } from "./fleet-reads";
import { type HeldBack, heldBackOf } from "./held-back";
import { buildMatrices, LocationIndex } from "./locations";
import { type DayTrip, mapRequests } from "./map-requests";
import { assistantsHeldBack, mapVehicle, vehiclesWithAssistant } from "./map-vehicles";
import type { MappingIssue } from "./mapping-issues";
import { PLAN_DIMENSIONS } from "./planning-rules";

/** An organisation's register, as the day-plan mapping needs it. */
export interface DayRegister {
  /** The service date, "YYYY-MM-DD". */
  readonly date: string;
  readonly tripRequests: readonly TripRequest[];
  readonly passengers: readonly Passenger[];
  readonly places: readonly Place[];
  readonly vehicles: readonly Vehicle[];
  /** Vehicles of the day not planned, a compliance document having lapsed (`dayFleet`). */
  readonly heldBack?: readonly HeldBackVehicle[];
  readonly staff: readonly Staff[];
  readonly termCalendars: readonly TermCalendar[];
}

export interface BuiltProblem {
  readonly problem: Problem;
  /** Trip requests that travel that day but could not be planned, and other warnings. */
  readonly issues: readonly MappingIssue[];
  /** Trip requests that travel that day (planned or not), excluding cancelled ones. */
  readonly occurring: number;
  /** Where each of the Problem's locations is, in its order (to make its matrices again). */
  readonly points: readonly LatLon[];
  /** The day's vehicles held back for a lapsed compliance document, for the planner's reasons. */
  readonly heldBack?: readonly HeldBack[];
  /** Passenger assistants on shift but not rostered, a check having lapsed (why, each). */
  readonly assistantsHeldBack?: readonly string[];
}

/**
 * The solver problem for one organisation's day: every trip request that travels on `date`
 * (recurring ones expanded with their term calendar), its passenger's needs, the places, and the
 * vehicles. Times are minutes after midnight; distances kilometres; costs pounds. Pure apart from
 * asking `travelTimes` for the matrix. Rules: docs/planning.md and planning-rules.ts.
 */
export async function buildProblem(
  register: DayRegister,
  travelTimes: TravelTimeProvider,
): Promise<BuiltProblem> {
  const issues: MappingIssue[] = [];
  const occurring = selectOccurring(register, issues);
  const locations = new LocationIndex();
  const trips = resolveTrips(register, occurring, locations, issues);
  for (const v of register.vehicles) {
    locations.add({ lat: v.depotLat, lon: v.depotLon }, `depot:${v.id}`, v.reference);
  }
  for (const { vehicle, lapses } of register.heldBack ?? []) {
    issues.push({
      kind: "vehicle-held-back",
      vehicleId: vehicle.id,
      message: `${vehicle.reference} is not planned on ${register.date}: ${lapses.map(describeLapse).join("; ")}`,
    });
  }
  const assistantsOff = assistantsHeldBack(register.staff, register.date);
  for (const why of assistantsOff) {
    issues.push({
      kind: "assistant-held-back",
      message: `A passenger assistant is not rostered on ${register.date}: ${why}`,
    });
  }
  if (register.vehicles.length === 0) {
    issues.push({ kind: "no-vehicles", message: "The register lists no vehicles to plan with." });
  }
  const { matrices, missingCells } = await buildMatrices(travelTimes, locations.points);
  if (missingCells > 0) {
    issues.push({
      kind: "no-route",
      message: `${missingCells} pairs of points have no route in the ${travelTimes.name} travel times`,
    });
  }
  const requests = mapRequests(trips, register.passengers, matrices, issues);
  const withAssistant = vehiclesWithAssistant(register.vehicles, register.staff, register.date);
  const vehicles = register.vehicles.map((v) => mapVehicle(v, locations, withAssistant.has(v.id)));
  const problem: Problem = {
    version: PROBLEM_VERSION,
    name: `day plan ${register.date}`,
    dimensions: [...PLAN_DIMENSIONS],
    locations: locations.locations,
    matrices,
    requests,
    vehicles,
    objective: "cost",
  };
  const heldBack = heldBackOf(register.heldBack ?? []);
  return {
    problem,
    issues,
    occurring: occurring.length,
    points: [...locations.points],
    ...(heldBack.length > 0 ? { heldBack } : {}),
    ...(assistantsOff.length > 0 ? { assistantsHeldBack: assistantsOff } : {}),
  };
}

/** Requests that travel on the date; recurring ones inside their term calendar when they name one. */
function selectOccurring(register: DayRegister, issues: MappingIssue[]): TripRequest[] {
  const calendars = new Map(register.termCalendars.map((c) => [c.id, c]));
  const out: TripRequest[] = [];
  for (const r of register.tripRequests) {
    if (r.status === "cancelled") continue;
    let terms: TermCalendar["periods"] | undefined;
    if (r.recurrence.kind === "recurring" && r.recurrence.termCalendarId) {
      terms = calendars.get(r.recurrence.termCalendarId)?.periods;
      if (!terms) {
        if (occursOn(r.recurrence, register.date)) {
          issues.push({
            kind: "missing-term-calendar",
            tripRequestId: r.id,
            message: `${r.reference}: its term calendar is not in the register; not planned`,
          });
        }
        continue;
      }
    }
    if (occursOn(r.recurrence, register.date, terms)) out.push(r);
  }
  return out;
}

/** Each request's ends as location indices; a request with a missing end is reported and left out. */
function resolveTrips(
  register: DayRegister,
  requests: readonly TripRequest[],
  locations: LocationIndex,
  issues: MappingIssue[],
): DayTrip[] {
  const passengers = new Map(register.passengers.map((p) => [p.id, p]));
  const places = new Map(register.places.map((p) => [p.id, p]));
  const trips: DayTrip[] = [];
  for (const r of requests) {
    const passenger = passengers.get(r.passengerId);
    if (!passenger) {
      issues.push({
        kind: "missing-passenger",
        tripRequestId: r.id,
        message: `${r.reference}: its passenger is not in the register; not planned`,
      });
      continue;
    }
    if (findMinutesOfDay(r.time) === undefined) {
      issues.push({ kind: "bad-time", tripRequestId: r.id, message: `${r.reference}: bad time` });
      continue;
    }
    const pickup = endLocation(r.origin, passenger, places, locations);
    const dropoff = endLocation(r.destination, passenger, places, locations);
    if (pickup === undefined || dropoff === undefined) {
      issues.push({
        kind: "missing-place",
        tripRequestId: r.id,
        message: `${r.reference}: a place it names is not in the register (or has no coordinates); not planned`,
      });
      continue;
    }
    const destination =
      r.destination.kind === "place" ? places.get(r.destination.placeId) : undefined;
    const origin = r.origin.kind === "place" ? places.get(r.origin.placeId) : undefined;
    trips.push({
      request: r,
      passenger,
      pickup,
      dropoff,
      ...(destination ? { destination } : {}),
      ...(origin ? { origin } : {}),
    });
  }
  return trips;
}

function endLocation(
  end: TripEnd,
  passenger: Passenger,
  places: ReadonlyMap<string, Place>,
  locations: LocationIndex,
): number | undefined {
  if (end.kind === "home") {
    return locations.add(
      { lat: passenger.homeLat, lon: passenger.homeLon },
      `home:${passenger.id}`,
    );
  }
  const place = places.get(end.placeId);
  if (!place || !Number.isFinite(place.lat) || !Number.isFinite(place.lon)) return undefined;
  return locations.add({ lat: place.lat, lon: place.lon }, `place:${place.id}`, place.name);
}
