import {
  type BookingInput,
  type FunderKind,
  findMinutesOfDay,
  occursOn,
  type Passenger,
  type Place,
  type TripEnd,
} from "@tt/domain";
import type { StoredPlan, UnitOfWorkOf } from "../../ports";
import { AppError } from "../../shared";
import { findPublishedHeader } from "../published-plan";
import type { LiveProblem } from "./live-problem";

/** What the booking desk reads. */
type BookingReads = UnitOfWorkOf<
  "plans" | "passengers" | "places" | "funders" | "tripRequests" | "cancellations"
>["repositories"];

/** The passenger, the places the trip names and the funder's kind; every missing one named. */
export async function readParties(
  repos: BookingReads,
  org: string,
  booking: BookingInput,
): Promise<{ passenger: Passenger; places: Map<string, Place>; funderKind: FunderKind }> {
  const ends = (["origin", "destination"] as const).flatMap((end) => {
    const at = booking[end];
    return at.kind === "place" ? [{ end, placeId: at.placeId }] : [];
  });
  const [passenger, found, funder] = await Promise.all([
    repos.passengers.find(org, booking.passengerId),
    repos.places.findByIds(
      org,
      ends.map((e) => e.placeId),
    ),
    repos.funders.find(org, booking.funderId),
  ]);
  const places = new Map(found.map((p) => [p.id, p]));
  const missing = (path: string, what: string, id: string) => ({
    path,
    message: `no ${what} ${id} in your organisation`,
  });
  const issues = [
    ...(passenger ? [] : [missing("passengerId", "passenger", booking.passengerId)]),
    ...(funder ? [] : [missing("funderId", "funder", booking.funderId)]),
    ...ends.flatMap(({ end, placeId }) =>
      places.has(placeId) ? [] : [missing(`${end}.placeId`, "place", placeId)],
    ),
  ];
  if (!passenger || !funder || issues.length > 0) {
    const message = "The booking names records your organisation does not have.";
    throw new AppError("validation-failed", message, issues);
  }
  return { passenger, places, funderKind: funder.kind };
}

/** The organisation's published plan of the day: the only plan a booking goes into. */
export async function operatingPlan(
  repos: BookingReads,
  org: string,
  date: string,
  read: (id: string) => Promise<StoredPlan | undefined>,
): Promise<StoredPlan> {
  const published = await findPublishedHeader(repos.plans, org, date);
  const plan = published && (await read(published.id));
  if (!plan) {
    throw new AppError(
      "conflict",
      `No operating plan is published for ${date}: publish the day's plan first, or add the trip to the register for the next plan.`,
      [{ path: "date", message: "no published plan for this day" }],
    );
  }
  // A plan held in memory keeps the status it was read or saved with: the day's list says now.
  return { ...plan, status: published.status };
}

/**
 * The day's requests of the passengers this one may not travel with, either way round: those its
 * own list names, and those whose lists name it.
 */
export async function conflictsOf(
  repos: BookingReads,
  org: string,
  passenger: Passenger,
  date: string,
  live: LiveProblem,
): Promise<string[]> {
  const references = passenger.needs.mayNotTravelWith;
  const [named, naming] = await Promise.all([
    references.length > 0 ? repos.passengers.findByReferences(org, references) : [],
    repos.passengers.listNaming(org, passenger.reference),
  ]);
  const ids = new Set([...named, ...naming].map((p) => p.id));
  ids.delete(passenger.id);
  if (ids.size === 0) return [];
  const trips = await repos.tripRequests.listSpanning(org, date);
  return trips.filter((t) => ids.has(t.passengerId) && live.request(t.id)).map((t) => t.id);
}

/**
 * Refuses the same journey booked twice: a trip of the passenger travelling that day (not
 * cancelled for it) between the same ends, the same way round, at a time within either window.
 */
export async function refuseTwice(
  repos: BookingReads,
  org: string,
  booking: BookingInput,
  /** A trip not to count: the repeating trip being placed on its later days. */
  except?: string,
): Promise<void> {
  const theirs = await repos.tripRequests.list(org, {
    offset: 0,
    limit: 500,
    filters: { passengerId: booking.passengerId },
  });
  const sameEnds = (a: TripEnd, b: TripEnd) =>
    a.kind === b.kind && (a.kind === "home" || (b.kind === "place" && a.placeId === b.placeId));
  const minutes = (time: string) => findMinutesOfDay(time) ?? 0;
  const candidates = theirs.items.filter(
    (t) =>
      t.id !== except &&
      t.status !== "cancelled" &&
      occursOn(t.recurrence, booking.date) &&
      t.timing === booking.timing &&
      sameEnds(t.origin, booking.origin) &&
      sameEnds(t.destination, booking.destination) &&
      Math.abs(minutes(t.time) - minutes(booking.time)) <=
        Math.max(t.windowMinutes, booking.windowMinutes),
  );
  if (candidates.length === 0) return;
  const cancelled = await repos.cancellations.listForTrips(
    org,
    candidates.map((t) => t.id),
  );
  const off = new Set(
    cancelled.filter((c) => c.serviceDate === booking.date).map((c) => c.tripRequestId),
  );
  const twice = candidates.find((t) => !off.has(t.id));
  if (!twice) return;
  throw new AppError(
    "conflict",
    `The passenger already has trip ${twice.reference} on ${booking.date} at ${twice.time}, between the same places: cancel it first, or book another time.`,
    [{ path: "time", message: `already booked: ${twice.reference}` }],
  );
}
