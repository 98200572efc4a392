import type { ApiUser, ResourceRecord } from "@tt/contract";
import { useMemo } from "react";
import { type EndPoint, roundHome, type TripEnds } from "./plan-geo";
import { byId, useAll } from "./use-all";

/** Roles that may read trip requests and passengers (the API checks again). */
const READS_DEMAND: readonly ApiUser["role"][] = [
  "admin",
  "commissioner",
  "assessor",
  "booking-agent",
];

type TripRequest = ResourceRecord<"tripRequests">;
type Place = ResourceRecord<"places">;
type Passenger = ResourceRecord<"passengers">;

function endPoint(
  end: TripRequest["origin"],
  passenger: Passenger | undefined,
  places: ReadonlyMap<string, Place>,
): EndPoint | undefined {
  if (end.kind === "place") {
    const place = places.get(end.placeId);
    return place && { lon: place.lon, lat: place.lat, label: place.name, home: false };
  }
  if (!passenger) return undefined;
  return {
    lon: roundHome(passenger.homeLon),
    lat: roundHome(passenger.homeLat),
    label: "Home",
    home: true,
  };
}

/**
 * Where each trip request starts and ends, read from the register the user may see: a role that
 * cannot read demand gets an empty map (the plan's stops name trip requests only).
 */
export function useTripEnds(role: ApiUser["role"]) {
  const allowed = READS_DEMAND.includes(role);
  const trips = useAll("tripRequests", allowed);
  const places = useAll("places", allowed);
  const passengers = useAll("passengers", allowed);
  const ends = useMemo(() => {
    const map = new Map<string, TripEnds>();
    const placeIndex = byId(places.data);
    const passengerIndex = byId(passengers.data);
    for (const trip of trips.data ?? []) {
      const passenger = passengerIndex.get(trip.passengerId);
      map.set(trip.id, {
        origin: endPoint(trip.origin, passenger, placeIndex),
        destination: endPoint(trip.destination, passenger, placeIndex),
      });
    }
    return map;
  }, [trips.data, places.data, passengers.data]);
  const loading = allowed && (trips.isPending || places.isPending || passengers.isPending);
  return { allowed, loading, ends, trips: byId(trips.data) };
}
