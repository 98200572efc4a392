import { findMinutesOfDay, type Passenger, type Place, type TripRequest } from "@tt/domain";
import type { Matrices, Request } from "@tt/solver";
import type { MappingIssue } from "./mapping-issues";
import {
  ANY_PASSENGER_GROUP,
  boardsAtSharedStop,
  defaultMaxRide,
  LINK_MAX_GAP_MINUTES,
  RIDE_SLACK_MINUTES,
  requiredFeatures,
  SERVICE_MINUTES,
  UNSERVED_PENALTY_POUNDS,
} from "./planning-rules";

/** A trip request that travels on the day, with its ends resolved to location indices. */
export interface DayTrip {
  readonly request: TripRequest;
  readonly passenger: Passenger;
  readonly pickup: number;
  readonly dropoff: number;
  /** The destination place, when the trip ends at one (for the school phase). */
  readonly destination?: Place;
  /** The origin place, when the trip starts at one (a shared stop shortens boarding). */
  readonly origin?: Place;
}

/** Passenger ids by reference, and trip request ids by passenger id, for sharing rules. */
interface SharingIndex {
  readonly passengerIdByReference: ReadonlyMap<string, string>;
  readonly requestIdsByPassenger: ReadonlyMap<string, readonly string[]>;
}

function sharingIndex(trips: readonly DayTrip[], passengers: readonly Passenger[]): SharingIndex {
  const passengerIdByReference = new Map(passengers.map((p) => [p.reference, p.id]));
  const requestIdsByPassenger = new Map<string, string[]>();
  for (const t of trips) {
    const list = requestIdsByPassenger.get(t.passenger.id) ?? [];
    list.push(t.request.id);
    requestIdsByPassenger.set(t.passenger.id, list);
  }
  return { passengerIdByReference, requestIdsByPassenger };
}

interface Links {
  readonly byId: ReadonlyMap<string, DayTrip>;
  /** Return legs that day by the id of their outbound leg. */
  readonly returns: ReadonlyMap<string, TripRequest>;
}

/** Maps every day trip to a solver request; issues are appended to `issues`. */
export function mapRequests(
  trips: readonly DayTrip[],
  passengers: readonly Passenger[],
  matrices: Matrices,
  issues: MappingIssue[],
): Request[] {
  const sharing = sharingIndex(trips, passengers);
  const byId = new Map(trips.map((t) => [t.request.id, t]));
  const returns = new Map<string, TripRequest>();
  for (const t of trips) if (t.request.returnOfId) returns.set(t.request.returnOfId, t.request);
  const links = { byId, returns };
  return trips.map((t) => mapRequest(t, matrices, sharing, links, issues));
}

function rideLimit(trip: DayTrip, direct: number, issues: MappingIssue[]): number {
  const r = trip.request;
  const limit = r.maxRideMinutes ?? defaultMaxRide(r.purpose, trip.destination?.schoolPhase);
  if (limit >= direct) return limit;
  const raised = Math.ceil(direct) + RIDE_SLACK_MINUTES;
  issues.push({
    kind: "ride-limit-raised",
    tripRequestId: r.id,
    message: `${r.reference}: the direct journey takes ${Math.round(direct)} min, longer than the ${limit} min ride limit; planned with ${raised} min`,
  });
  return raised;
}

function mapRequest(
  trip: DayTrip,
  matrices: Matrices,
  sharing: SharingIndex,
  links: Links,
  issues: MappingIssue[],
): Request {
  const { request: r, passenger } = trip;
  const needs = passenger.needs;
  const direct = matrices.time[trip.pickup]?.[trip.dropoff] ?? 0;
  const ride = rideLimit(trip, direct, issues);
  const service = serviceMinutes(trip);
  const windows = stopWindows(r, direct, ride, service);
  const features = requiredFeatures(needs);
  const incompatibleWith = incompatibleRequests(passenger, sharing);
  const linked = linkedRequest(r, links);
  return {
    id: r.id,
    pickup: { location: trip.pickup, service, window: windows.pickup },
    dropoff: { location: trip.dropoff, service, window: windows.dropoff },
    load: needs.wheelchair ? [r.escorts, 1] : [1 + r.escorts, 0],
    maxRideTime: { absolute: ride },
    groups: [ANY_PASSENGER_GROUP],
    penalty: UNSERVED_PENALTY_POUNDS[r.purpose],
    ...(features.length > 0 ? { features } : {}),
    ...(incompatibleWith.length > 0 ? { incompatibleWith } : {}),
    ...(needs.travelAlone ? { incompatibleGroups: [ANY_PASSENGER_GROUP] } : {}),
    ...(needs.passengerAssistant ? { needsAssistant: true } : {}),
    ...(needs.doorThroughDoor ? { doorThroughDoor: true } : {}),
    ...(linked ? { linkedRequest: linked } : {}),
  };
}

/** Boarding and alighting time of the trip's passenger (planning rules). */
function serviceMinutes(trip: DayTrip): number {
  const needs = trip.passenger.needs;
  if (needs.wheelchair) return SERVICE_MINUTES.wheelchair;
  return boardsAtSharedStop(needs, [trip.origin, trip.destination])
    ? SERVICE_MINUTES.sharedStop
    : SERVICE_MINUTES.ambulant;
}

/**
 * Arrive-by: the drop-off starts in [time − window, time]; the pick-up may start as early as the
 * ride limit allows before that. Depart-after: the pick-up starts in [time, time + window]; the
 * drop-off follows within the ride limit.
 */
export function stopWindows(
  r: Pick<TripRequest, "timing" | "time" | "windowMinutes">,
  direct: number,
  ride: number,
  service: number,
): { pickup: [number, number]; dropoff: [number, number] } {
  const t = findMinutesOfDay(r.time) ?? 0;
  const w = r.windowMinutes;
  if (r.timing === "arrive-by") {
    const latestPickup = Math.max(0, t - service - direct);
    const earliestPickup = Math.max(0, Math.min(latestPickup, t - w - service - ride));
    return { pickup: [earliestPickup, latestPickup], dropoff: [t - w, t] };
  }
  return {
    pickup: [t, t + w],
    dropoff: [t + service + direct, t + w + service + ride],
  };
}

/** Requests that day of the passengers this one may not travel with. */
function incompatibleRequests(passenger: Passenger, sharing: SharingIndex): string[] {
  const out: string[] = [];
  for (const reference of passenger.needs.mayNotTravelWith) {
    const otherId = sharing.passengerIdByReference.get(reference);
    if (!otherId || otherId === passenger.id) continue;
    out.push(...(sharing.requestIdsByPassenger.get(otherId) ?? []));
  }
  return out;
}

/**
 * The outbound leg of a return, or the return of an outbound, when both travel that day and the
 * return starts within `LINK_MAX_GAP_MINUTES` of the outbound (see planning-rules.ts).
 */
function linkedRequest(r: TripRequest, links: Links): string | undefined {
  if (r.returnOfId) {
    const outbound = links.byId.get(r.returnOfId)?.request;
    return outbound && closeEnough(outbound, r) ? outbound.id : undefined;
  }
  const back = links.returns.get(r.id);
  return back && closeEnough(r, back) ? back.id : undefined;
}

function closeEnough(outbound: TripRequest, back: TripRequest): boolean {
  const a = findMinutesOfDay(outbound.time);
  const b = findMinutesOfDay(back.time);
  return a !== undefined && b !== undefined && b - a >= 0 && b - a <= LINK_MAX_GAP_MINUTES;
}
