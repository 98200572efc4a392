import type { Weekday } from "../shared/schemas";
import type { Recurrence } from "./trip-request";

export interface TermPeriod {
  readonly start: string;
  readonly end: string;
}

const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The weekday of an ISO date. */
export function weekdayOf(isoDate: string): Weekday {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return WEEKDAY_BY_UTC_DAY[day] ?? "sun";
}

/** True when a request with this recurrence travels on `isoDate`. Terms apply when given. */
export function occursOn(
  recurrence: Recurrence,
  isoDate: string,
  terms?: readonly TermPeriod[],
): boolean {
  if (recurrence.kind === "one-off") return recurrence.date === isoDate;
  if (isoDate < recurrence.from || isoDate > recurrence.to) return false;
  if (!recurrence.weekdays.includes(weekdayOf(isoDate))) return false;
  return !terms || inTerm(isoDate, terms);
}

/** True when `isoDate` falls inside one of the terms (first and last days included). */
export function inTerm(isoDate: string, terms: readonly TermPeriod[]): boolean {
  return terms.some((t) => isoDate >= t.start && isoDate <= t.end);
}
