import { occursOn, type TripRequest } from "@tt/domain";
import type { UnitOfWorkOf } from "../../ports";

/** What finding a trip's days reads. */
export type TripDaysRepositories = UnitOfWorkOf<
  "tripRequests" | "termCalendars" | "cancellations"
>["repositories"];

/** A return journey still to travel, named for the desk. */
export interface ReturnLeg {
  readonly tripRequestId: string;
  readonly reference: string;
}

/** Return journeys of a trip read, at most (a trip has one; more is a register's mistake). */
const RETURNS_READ = 10;

/** True when the trip travels on the day: its dates, weekdays and terms, and not cancelled. */
export async function travelsOn(
  repos: TripDaysRepositories,
  org: string,
  trip: TripRequest,
  date: string,
): Promise<boolean> {
  const r = trip.recurrence;
  const calendarId = r.kind === "recurring" ? r.termCalendarId : undefined;
  const calendar = calendarId ? await repos.termCalendars.find(org, calendarId) : undefined;
  return trip.status !== "cancelled" && occursOn(r, date, calendar?.periods);
}

/**
 * The passenger's return journey of the trip that still travels on the day (not cancelled for
 * it), or null: when an outbound trip is cancelled the desk offers to cancel the return too.
 */
export async function returnLegOf(
  repos: TripDaysRepositories,
  org: string,
  trip: TripRequest,
  date: string,
): Promise<ReturnLeg | null> {
  const page = await repos.tripRequests.list(org, {
    offset: 0,
    limit: RETURNS_READ,
    filters: { returnOfId: trip.id, passengerId: trip.passengerId },
  });
  if (page.items.length === 0) return null;
  const ids = page.items.map((t) => t.id);
  const cancelled = await repos.cancellations.listForTrips(org, ids);
  for (const back of page.items) {
    if (cancelled.some((c) => c.tripRequestId === back.id && c.serviceDate === date)) continue;
    if (!(await travelsOn(repos, org, back, date))) continue;
    return { tripRequestId: back.id, reference: back.reference };
  }
  return null;
}
