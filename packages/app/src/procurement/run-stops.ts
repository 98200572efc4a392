import type { TripRequest } from "@tt/domain";
import { formatMinutesOfDay } from "@tt/domain";
import { findFleetVehicles } from "../planning";
import type { PlanRun, Repositories } from "../ports";
import type { Actor } from "../shared";

/** What locating runs' stops reads. */
export type RunStopRepos = Pick<
  Repositories,
  "tripRequests" | "places" | "passengers" | "vehicles" | "grants" | "audit"
>;

/** A stop of a run where it is, with a reference that names no one. */
export interface LocatedStop {
  readonly lat: number;
  readonly lon: number;
  /** A place's reference and name, or "the home pick-up of trip T-12". */
  readonly reference: string;
}

/** A run named as contracts name it: vehicle reference and times ("FE-01 07:45–08:50"). */
export interface LocatedRun {
  readonly run: PlanRun;
  readonly label: string;
  readonly stops: readonly LocatedStop[];
}

const clock = (minutes: number) => formatMinutesOfDay(Math.round(minutes));

/**
 * Where the runs' stops are: a trip's place from the register, or its passenger's home. Homes
 * are personal data: their read is written to the organisation's audit log, naming `purpose`.
 */
export async function locateRuns(
  repos: RunStopRepos,
  actor: Actor,
  runs: readonly PlanRun[],
  purpose: string,
): Promise<LocatedRun[]> {
  const org = actor.organisationId;
  const tripIds = [
    ...new Set(
      runs.flatMap((r) => r.stops.flatMap((s) => (s.kind === "break" ? [] : [s.tripRequestId]))),
    ),
  ];
  const trips = new Map((await repos.tripRequests.findByIds(org, tripIds)).map((t) => [t.id, t]));
  const ends = [...trips.values()].flatMap((t) => [t.origin, t.destination]);
  const placeIds = [...new Set(ends.flatMap((e) => (e.kind === "place" ? [e.placeId] : [])))];
  const places = new Map((await repos.places.findByIds(org, placeIds)).map((p) => [p.id, p]));
  const homeIds = [
    ...new Set(
      [...trips.values()]
        .filter((t) => t.origin.kind === "home" || t.destination.kind === "home")
        .map((t) => t.passengerId),
    ),
  ];
  const homes = new Map((await repos.passengers.findByIds(org, homeIds)).map((p) => [p.id, p]));
  if (homes.size > 0) {
    await repos.audit.append({
      organisationId: org,
      userId: actor.userId,
      action: "read",
      resource: "passengers",
      resourceIds: [...homes.keys()],
      purpose,
      details: { fields: "home location" },
    });
  }
  const vehicles = await findFleetVehicles(repos, org, [...new Set(runs.map((r) => r.vehicleId))]);
  const stopOf = (trip: TripRequest, pickup: boolean): LocatedStop | undefined => {
    const end = pickup ? trip.origin : trip.destination;
    if (end.kind === "place") {
      const place = places.get(end.placeId);
      return (
        place && { lat: place.lat, lon: place.lon, reference: `${place.reference} (${place.name})` }
      );
    }
    const home = homes.get(trip.passengerId);
    const what = pickup ? "pick-up" : "drop-off";
    return (
      home && {
        lat: home.homeLat,
        lon: home.homeLon,
        reference: `the home ${what} of trip ${trip.reference}`,
      }
    );
  };
  return runs.map((run) => ({
    run,
    label: runLabel(vehicles.get(run.vehicleId)?.reference ?? run.vehicleId, run),
    stops: run.stops.flatMap((s) => {
      if (s.kind === "break") return [];
      const trip = trips.get(s.tripRequestId);
      const stop = trip && stopOf(trip, s.kind === "pickup");
      return stop ? [stop] : [];
    }),
  }));
}

/** "FE-01 07:45–08:50": the vehicle's reference and the run's first and last stop, as awards name runs. */
export function runLabel(vehicleReference: string, run: PlanRun): string {
  const first = run.stops[0]?.start ?? 0;
  const last = run.stops[run.stops.length - 1]?.departure ?? 0;
  return `${vehicleReference} ${clock(first)}–${clock(last)}`;
}
