import type { PassengerStandingView, ResourceRecord } from "@tt/contract";
import { capitalise, PURPOSE_LABELS } from "./booking-words";
import { regimeName } from "./option-words";
import { weekdayList } from "./repeat-words";

type Standing = PassengerStandingView["items"][number];
type Trip = ResourceRecord<"tripRequests">;

/** One regime's standing in a sentence: entitled or not, and its review. */
export function standingText(s: Standing): string {
  const name = capitalise(regimeName(s.regime));
  if (!s.eligible) return `${name}: not entitled (decided ${s.assessedOn}).`;
  if (s.reviewOverdue)
    return `${name}: entitled, but the review was due ${s.reviewDate}: reassess before booking.`;
  return `${name}: entitled until the review on ${s.reviewDate}.`;
}

/** The passenger's trips still to travel on or after `today`, not cancelled, soonest first. */
export function upcomingTrips(trips: readonly Trip[], today: string): Trip[] {
  const firstDay = (t: Trip) =>
    t.recurrence.kind === "one-off" ? t.recurrence.date : t.recurrence.from;
  const lastDay = (t: Trip) =>
    t.recurrence.kind === "one-off" ? t.recurrence.date : t.recurrence.to;
  return trips
    .filter((t) => t.status !== "cancelled" && lastDay(t) >= today)
    .sort(
      (a, b) => firstDay(a).localeCompare(firstDay(b)) || a.reference.localeCompare(b.reference),
    );
}

/** When a trip travels, in words. */
export function whenText(trip: Trip): string {
  const r = trip.recurrence;
  if (r.kind === "one-off") return `on ${r.date}`;
  const terms = r.termCalendarId ? " in term time" : "";
  return `every ${weekdayList(r.weekdays)}${terms} from ${r.from} to ${r.to}`;
}

/** A trip in a line: its reference, purpose, when, and its status. */
export function tripLine(trip: Trip): string {
  return `${trip.reference}: ${PURPOSE_LABELS[trip.purpose]}, ${whenText(trip)} (${trip.status}).`;
}
