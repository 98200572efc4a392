import {
  formatMinutesOfDay,
  LATE_AFTER_MINUTES,
  londonClock,
  type StopProgress,
  stopKey,
  type TripRequest,
} from "@tt/domain";
import { defaultMaxRide, serviceOf } from "../../planning";
import type { PlanRunTripStop, StoredCancellation, StoredPlan } from "../../ports";

/** How a planned journey ended, from the marks at its stops. */
export type JourneyOutcome = "completed" | "no-show" | "cancelled" | "on-board" | "not-recorded";

/** One planned journey of a day with what really happened: times by British clocks. */
export interface CompletedJourney {
  readonly date: string;
  readonly tripReference: string;
  readonly service: string;
  readonly operator: string;
  readonly vehicleReference: string | null;
  readonly plannedPickup: string | null;
  readonly actualPickup: string | null;
  /**
   * Minutes the vehicle reached the pick-up after its planned time (negative when early), as the
   * status board counts them; null without a boarding marked that day.
   */
  readonly minutesLate: number | null;
  readonly plannedDropoff: string | null;
  readonly actualDropoff: string | null;
  readonly rideMinutes: number | null;
  readonly maxRideMinutes: number;
  readonly outcome: JourneyOutcome;
  /** A no-show's or cancellation's reason code. */
  readonly reason: string | null;
}

/** What a day's journeys are read from. */
export interface JourneyDay {
  readonly date: string;
  readonly plan: StoredPlan | undefined;
  readonly progress: ReadonlyMap<string, StopProgress>;
  readonly cancellations: readonly StoredCancellation[];
}

export interface JourneySources {
  readonly trips: ReadonlyMap<string, TripRequest>;
  readonly vehicles: ReadonlyMap<
    string,
    { readonly reference: string; readonly operatorId?: string | null | undefined }
  >;
  readonly operators: ReadonlyMap<string, string>;
  readonly funderKinds: ReadonlyMap<string, Parameters<typeof serviceOf>[1]>;
}

/** The minute of the day of a mark made on `date`, or null when made another day (or not). */
function minuteOn(date: string, at: string | null | undefined): number | null {
  if (!at) return null;
  const clock = londonClock(at);
  return clock.date === date ? clock.minutes : null;
}

const clockOrNull = (minutes: number | null) =>
  minutes === null ? null : formatMinutesOfDay(minutes);

function outcomeOf(pickup: StopProgress | undefined, dropoff: StopProgress | undefined) {
  if (pickup?.outcome === "no-show") return { outcome: "no-show" as const, reason: pickup.reason };
  if (dropoff?.outcome === "dropped-off") return { outcome: "completed" as const, reason: null };
  if (pickup?.outcome === "picked-up") return { outcome: "on-board" as const, reason: null };
  return { outcome: "not-recorded" as const, reason: null };
}

function describe(trip: TripRequest | undefined, sources: JourneySources) {
  const funderKind = trip ? sources.funderKinds.get(trip.funderId) : undefined;
  return {
    tripReference: trip?.reference ?? "",
    service: trip ? serviceOf(trip.purpose, funderKind) : "unknown",
    maxRideMinutes: trip ? (trip.maxRideMinutes ?? defaultMaxRide(trip.purpose, undefined)) : 0,
  };
}

function journeyOf(
  day: JourneyDay,
  vehicleId: string,
  stops: { pickup: PlanRunTripStop; dropoff: PlanRunTripStop | undefined },
  sources: JourneySources,
): CompletedJourney {
  const tripId = stops.pickup.tripRequestId;
  const pickup = day.progress.get(stopKey(tripId, "pickup"));
  const dropoff = day.progress.get(stopKey(tripId, "dropoff"));
  const pickedAt = minuteOn(day.date, pickup?.outcome === "picked-up" ? pickup.outcomeAt : null);
  // Punctuality is the vehicle's: its arrival at the pick-up (or the boarding, if not marked).
  const calledAt = pickedAt === null ? null : (minuteOn(day.date, pickup?.arrivedAt) ?? pickedAt);
  const droppedAt = minuteOn(
    day.date,
    dropoff?.outcome === "dropped-off" ? dropoff.outcomeAt : null,
  );
  const vehicle = sources.vehicles.get(vehicleId);
  return {
    date: day.date,
    ...describe(sources.trips.get(tripId), sources),
    operator: sources.operators.get(vehicle?.operatorId ?? "") ?? "own fleet",
    vehicleReference: vehicle?.reference ?? null,
    plannedPickup: formatMinutesOfDay(stops.pickup.start),
    actualPickup: clockOrNull(pickedAt),
    minutesLate: calledAt === null ? null : calledAt - Math.round(stops.pickup.start),
    plannedDropoff: stops.dropoff ? formatMinutesOfDay(stops.dropoff.start) : null,
    actualDropoff: clockOrNull(droppedAt),
    rideMinutes: pickedAt !== null && droppedAt !== null ? droppedAt - pickedAt : null,
    ...outcomeOf(pickup, dropoff),
  };
}

function cancelledJourney(c: StoredCancellation, sources: JourneySources): CompletedJourney {
  return {
    date: c.serviceDate,
    ...describe(sources.trips.get(c.tripRequestId), sources),
    operator: "",
    vehicleReference: null,
    plannedPickup: null,
    actualPickup: null,
    minutesLate: null,
    plannedDropoff: null,
    actualDropoff: null,
    rideMinutes: null,
    outcome: "cancelled",
    reason: c.reason,
  };
}

/** Every journey of the days' operating plans, and every trip cancelled on them. */
export function completedJourneys(
  days: readonly JourneyDay[],
  sources: JourneySources,
): CompletedJourney[] {
  return days.flatMap((day) => {
    const planned = (day.plan?.runs ?? []).flatMap((run) => {
      const stops = run.stops.flatMap((s) => (s.kind === "break" ? [] : [s]));
      return stops
        .filter((s) => s.kind === "pickup")
        .map((pickup) => {
          const dropoff = stops.find(
            (s) => s.kind === "dropoff" && s.tripRequestId === pickup.tripRequestId,
          );
          return journeyOf(day, run.vehicleId, { pickup, dropoff }, sources);
        });
    });
    return [...planned, ...day.cancellations.map((c) => cancelledJourney(c, sources))];
  });
}

/** A journey counts as on time when picked up within the late threshold of its planned time. */
export const isOnTime = (j: CompletedJourney) =>
  j.minutesLate !== null && j.minutesLate <= LATE_AFTER_MINUTES;
