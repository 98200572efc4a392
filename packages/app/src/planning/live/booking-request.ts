import type { Passenger, Place, TripEnd, TripRequest } from "@tt/domain";
import type { Location, Request } from "@tt/solver";
import type { LatLon, ProblemAdditions, TravelTimeProvider } from "../../ports";
import { AppError } from "../../shared";
import { mapRequests } from "../map-requests";
import type { MappingIssue } from "../mapping-issues";
import type { LiveProblem } from "./live-problem";

/** A booked trip in the engine's terms, and what the live Problem gained to hold it. */
export interface BookingRequest {
  readonly request: Request;
  /** The live Problem with the trip's ends located (new addresses added). */
  readonly live: LiveProblem;
  readonly added: Omit<ProblemAdditions, "requests">;
  /** What the mapping said about the trip (a ride limit raised, say). */
  readonly issues: readonly MappingIssue[];
}

interface End {
  readonly point: LatLon;
  readonly location: Location;
  readonly place?: Place;
}

function endOf(end: TripEnd, passenger: Passenger, places: ReadonlyMap<string, Place>): End {
  if (end.kind === "home") {
    const point = { lat: passenger.homeLat, lon: passenger.homeLon };
    return { point, location: { id: `home:${passenger.id}` } };
  }
  const place = places.get(end.placeId);
  if (!place) throw new Error(`place ${end.placeId} was not read`);
  const location = { id: `place:${place.id}`, name: place.name };
  return { point: { lat: place.lat, lon: place.lon }, location, place };
}

/**
 * The trip as the day plan maps it (windows, ride limit, load, needs, boarding time: the same
 * rules), its ends located in the live Problem. `conflicts` are the requests of the day the
 * passenger may not travel with.
 */
export async function bookingRequest(
  trip: TripRequest,
  passenger: Passenger,
  places: ReadonlyMap<string, Place>,
  live: LiveProblem,
  travelTimes: TravelTimeProvider,
  conflicts: readonly string[],
): Promise<BookingRequest> {
  const from = endOf(trip.origin, passenger, places);
  const to = endOf(trip.destination, passenger, places);
  const located = await live.locate(
    [from.point, to.point],
    [from.location, to.location],
    travelTimes,
  );
  const [pickup, dropoff] = located.indices as [number, number];
  // The mapping reads only the direct journey: a two-location matrix is all it needs.
  const time = [
    [0, located.live.time(pickup, dropoff)],
    [located.live.time(dropoff, pickup), 0],
  ];
  const issues: MappingIssue[] = [];
  const dayTrip = {
    request: trip,
    passenger,
    pickup: 0,
    dropoff: 1,
    ...(to.place ? { destination: to.place } : {}),
    ...(from.place ? { origin: from.place } : {}),
  };
  const [mapped] = mapRequests([dayTrip], [passenger], { time, distance: time }, issues);
  if (!mapped) throw new AppError("validation-failed", "The trip could not be mapped.");
  const request: Request = {
    ...mapped,
    pickup: { ...mapped.pickup, location: pickup },
    dropoff: { ...mapped.dropoff, location: dropoff },
    ...(conflicts.length > 0 ? { incompatibleWith: [...conflicts] } : {}),
  };
  return { request, live: located.live, added: located.added, issues };
}
