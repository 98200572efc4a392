import type { Needs, SchoolPhase, TripPurpose, VehicleFeature } from "@tt/domain";
import type { BreakRule } from "@tt/solver";

/**
 * The defaults the day-plan mapping applies when the register does not say. Each one is a figure a
 * council may want to change, so they live here as data with their source (docs/planning.md).
 * Tags follow the domain rules reference: [S] secondary source, [U] unverified, [D] our assumption.
 */

/** Capacity dimensions of every day plan: a seat, and a space for a wheelchair user seated in it. */
export const PLAN_DIMENSIONS = ["seats", "wheelchairs"] as const;

/**
 * Boarding or alighting time, minutes. At a passenger's own pick-up: 2 ambulant, 5 wheelchair
 * (domain rules §5.4, a stop's dwell) [D]. Passengers who board at a shared stop (a bus stop) and
 * need no help get on and off one after another, as on a bus: 0.25 min (15 s) each at both ends
 * of the trip (the bus stop, and the school gate where the vehicle's pupils get off together) [D]. Charging each of them a whole 2-minute dwell made a coach of 50 pupils spend 100 minutes
 * boarding, over any ride limit.
 */
export const SERVICE_MINUTES = { ambulant: 2, wheelchair: 5, sharedStop: 0.25 } as const;

/**
 * Whether a passenger travels from or to a shared stop on their own (e.g. to school from a bus
 * stop, and back), so is charged `sharedStop` time at both ends.
 */
export function boardsAtSharedStop(
  needs: Needs,
  ends: readonly ({ kind: string } | undefined)[],
): boolean {
  return (
    ends.some((end) => end?.kind === "stop") &&
    !needs.wheelchair &&
    !needs.passengerAssistant &&
    !needs.doorThroughDoor &&
    !needs.travelAlone
  );
}

/**
 * Longest ride when the request gives none, minutes. School: 45 primary, 75 secondary (2014 DfE
 * best-practice benchmarks, domain rules §1.7) [U]; the rest are our assumptions [D].
 */
export const DEFAULT_MAX_RIDE_MINUTES: Record<TripPurpose, number> = {
  school: 75,
  "send-school": 75,
  "post-16": 75,
  "adult-day-service": 60,
  "hospital-appointment": 90,
  dialysis: 60,
  "gp-appointment": 60,
  "demand-responsive": 60,
  "community-transport": 60,
};

/** Primary-age school journeys use the shorter 45-minute benchmark [U]. */
export const PRIMARY_MAX_RIDE_MINUTES = 45;

/**
 * When a request's ride limit is shorter than its direct journey it could never be met: the limit
 * is raised to the direct time plus this slack and the mapping reports it [D].
 */
export const RIDE_SLACK_MINUTES = 10;

/**
 * Cost, in pounds, of leaving a request unserved. Statutory and clinical journeys cost more than
 * discretionary ones, so the engine will add a vehicle rather than drop them [D].
 */
export const UNSERVED_PENALTY_POUNDS: Record<TripPurpose, number> = {
  school: 1000,
  "send-school": 1000,
  "post-16": 1000,
  "adult-day-service": 1000,
  "hospital-appointment": 1000,
  dialysis: 1000,
  "gp-appointment": 300,
  "demand-responsive": 300,
  "community-transport": 300,
};

/**
 * A return leg is planned on the same vehicle as its outbound leg only when it starts at most this
 * many minutes after the outbound's time (e.g. a clinic appointment and the ride home). School and
 * day-centre returns hours later are free to use any vehicle: tying them together would force one
 * long shift per pair and forbid the afternoon's different grouping [D].
 */
export const LINK_MAX_GAP_MINUTES = 180;

/**
 * The pick-up window a booked passenger is told: from this many minutes before the planned call
 * to this many after, inside the trip's own window. Traffic moves a call; a window told is kept
 * more often than a minute [D].
 */
export const TOLD_PICKUP_WINDOW = { before: 5, after: 10 } as const;

/** Vehicle feature a wheelchair user needs: a tail-lift or a ramp gives step-free boarding. */
export const STEP_FREE = "step-free";
const STEP_FREE_FEATURES: readonly VehicleFeature[] = ["tail-lift", "ramp"];

/** Group every request belongs to; a travel-alone passenger is incompatible with all of it. */
export const ANY_PASSENGER_GROUP = "any-passenger";

/** The features a vehicle offers, plus `step-free` when it has a tail-lift or a ramp. */
export function vehicleFeatures(features: readonly VehicleFeature[]): string[] {
  const out: string[] = [...features];
  if (features.some((f) => STEP_FREE_FEATURES.includes(f))) out.push(STEP_FREE);
  return out;
}

/**
 * The vehicle features a passenger's needs require. A wheelchair user needs step-free boarding
 * (the wheelchair space itself is a capacity dimension); a harness needs harness points. Booster
 * and child seats are portable and travel with the child, so they need no vehicle feature [D].
 */
export function requiredFeatures(needs: Needs): string[] {
  const out: string[] = [];
  if (needs.wheelchair) out.push(STEP_FREE);
  if (needs.seating === "harness") out.push("harness-points");
  return out;
}

/** The default ride limit for a purpose, and the school phase where the destination is a school. */
export function defaultMaxRide(purpose: TripPurpose, phase: SchoolPhase | undefined): number {
  const isSchool = purpose === "school" || purpose === "send-school";
  if (isSchool && phase === "primary") return PRIMARY_MAX_RIDE_MINUTES;
  return DEFAULT_MAX_RIDE_MINUTES[purpose];
}

/**
 * Drivers' breaks. Vehicles with more than 8 passenger seats: the EU/assimilated rule, 45 minutes
 * after at most 4 h 30 min of driving [S]. Smaller vehicles: GB domestic rules, 30 minutes after
 * 5 h 30 min [S] (domain rules §4.2). Applying the EU rule to every larger vehicle is the cautious
 * choice: many school contracts qualify for the GB domestic rules instead.
 */
export function driverBreaks(maxPassengerSeats: number): BreakRule[] {
  if (maxPassengerSeats > 8) return [{ id: "break-eu", duration: 45, maxDrivingBefore: 270 }];
  return [{ id: "break-gb", duration: 30, maxDrivingBefore: 330 }];
}
