import {
  CANCELLATION_REASON_CODES,
  CANCELLATION_REASONS,
  type CancellationBody,
  type CancellationSummaryView,
  type CancelledView,
} from "@tt/contract";
import type { Choice } from "../components/select-field";
import { longDate } from "../sharing/agreement-words";
import { dateProblem, type Read } from "./booking-words";
import { sameReference } from "./finder-words";

export const REASON_CHOICES: readonly Choice[] = CANCELLATION_REASON_CODES.map((value) => ({
  value,
  text: CANCELLATION_REASONS[value].label,
}));

/** The cancel form's field ids by the API's paths. */
export const CANCEL_FIELDS: Readonly<Record<string, string>> = {
  date: "cancel-date",
  reason: "cancel-reason",
  id: "cancel-trip",
};

/** The cancel form as the agent left it. */
export interface CancelDraft {
  /** A trip request's id, or its reference. */
  readonly trip: string;
  readonly date: string;
  readonly reason: string;
}

/** What to cancel: the trip as typed (an id or a reference), and the body the API takes. */
export interface Cancellation {
  readonly trip: string;
  readonly body: CancellationBody;
}

/** The cancellation from the draft, or every problem with it, in the order of the fields. */
export function readCancellation(draft: CancelDraft): Read<Cancellation> {
  const trip = draft.trip.trim();
  const reason = CANCELLATION_REASON_CODES.find((code) => code === draft.reason);
  const date = dateProblem(draft.date, "the date to cancel");
  const checks: [string, string | undefined][] = [
    ["cancel-trip", trip === "" ? "Enter the trip's reference or id" : undefined],
    ["cancel-date", date],
    ["cancel-reason", reason ? undefined : "Choose why the trip is cancelled"],
  ];
  const problems = checks.flatMap(([id, text]) => (text ? [{ text, href: `#${id}` }] : []));
  if (problems.length > 0 || !reason) return { ok: false, problems };
  return { ok: true, value: { trip, body: { date: draft.date, reason } } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the text is a trip request's id rather than its reference. */
export const isTripRequestId = (text: string) => UUID.test(text);

/** The trip request to cancel: its id, and how the result names it. */
export interface TripToCancel {
  readonly id: string;
  readonly reference: string;
}

/**
 * The trip when the text gives it without a search: an id, or the reference of the trip just
 * booked. Undefined when the reference must be looked up.
 */
export function knownTrip(
  text: string,
  booked: { readonly reference: string; readonly tripRequestId: string } | undefined,
): TripToCancel | undefined {
  if (isTripRequestId(text)) return { id: text, reference: text };
  if (!booked || !sameReference(booked.reference, text)) return undefined;
  return { id: booked.tripRequestId, reference: booked.reference };
}

/** What the cancellation did, as the banner's summary list shows it. */
export function cancelledFacts(view: CancelledView): [string, string][] {
  const { cancellation, plan } = view;
  return [
    ["Date", longDate(cancellation.serviceDate)],
    ["Reason", CANCELLATION_REASONS[cancellation.reason].label],
    [
      "Day's plan",
      plan
        ? `Revision ${plan.revision}, without the trip`
        : "The day's operating plan did not carry the trip",
    ],
  ];
}

/** The sentence before the trips that could take the freed seat. */
export function offersIntro(view: CancelledView): string {
  const n = view.offers.length;
  if (n === 0) return "No trip still without a place fits the freed seat.";
  return n === 1
    ? "1 trip still without a place fits the freed seat:"
    : `${n} trips still without a place fit the freed seat:`;
}

/** The return journey still to travel that day, in words: "The return journey T-2 still travels on 24 November 2026." */
export function returnLegText(view: CancelledView): string | undefined {
  if (!view.returnLeg) return undefined;
  const day = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${view.cancellation.serviceDate}T00:00:00Z`));
  return `The return journey ${view.returnLeg.reference} still travels on ${day}.`;
}

/** The reasons of a day's counts, most trips first (the list's order among equals). */
export function countedReasons(
  summary: Pick<CancellationSummaryView, "reasons">,
): CancellationSummaryView["reasons"] {
  return [...summary.reasons].sort((a, b) => b.count - a.count);
}
