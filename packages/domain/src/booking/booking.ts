import { z } from "zod";
import type { EntitlementDecision, Regime } from "../entitlement/types";
import { idSchema, referenceSchema, WEEKDAYS } from "../shared/schemas";
import { isoDateSchema } from "../shared/time-of-day";
import { weekdayOf } from "../trips/occurrences";
import {
  NOT_HOME_TO_HOME_ISSUE,
  notHomeToHome,
  type TripPurpose,
  type TripRequestInput,
  tripShape,
} from "../trips/trip-request";

/** The longest a recurring booking runs: a school year and a little more [D]. */
export const MAX_REPEAT_DAYS = 400;

/**
 * A booking that repeats: on these weekdays from the booking's day until `until` (inclusive),
 * inside a term calendar's terms when one is named (school and SEND transport).
 */
export const repeatSchema = z.object({
  weekdays: z.array(z.enum(WEEKDAYS)).min(1, { message: "name at least one weekday" }),
  until: isoDateSchema,
  termCalendarId: idSchema.optional(),
});
export type Repeat = z.infer<typeof repeatSchema>;

/** The repeat's last day comes after the first, within `MAX_REPEAT_DAYS`, on one of its weekdays. */
function repeatIssues(
  booking: { date: string; repeat?: Repeat | undefined },
  context: z.RefinementCtx,
) {
  const repeat = booking.repeat;
  if (!repeat) return;
  if (repeat.until <= booking.date)
    context.addIssue({
      code: "custom",
      path: ["repeat", "until"],
      message: "must come after the first day",
    });
  else if (Date.parse(repeat.until) - Date.parse(booking.date) > MAX_REPEAT_DAYS * 86_400_000)
    context.addIssue({
      code: "custom",
      path: ["repeat", "until"],
      message: `at most ${MAX_REPEAT_DAYS} days after the first day`,
    });
  if (!repeat.weekdays.includes(weekdayOf(booking.date)))
    context.addIssue({
      code: "custom",
      path: ["repeat", "weekdays"],
      message: `the first day (${booking.date}) is not one of them`,
    });
}

/**
 * A trip the booking desk books on a day that has an operating plan: one-off, or repeating from
 * that day (`repeat`). It goes into the first day's plan; later days' plans take it from the
 * register when they are made.
 */
export const bookingInputSchema = z
  .object({
    /** The day of travel (the first, for a repeating trip), "YYYY-MM-DD". */
    date: isoDateSchema,
    ...tripShape,
    /** The trip's reference; one is made (`BK-…`) when omitted. */
    reference: referenceSchema.optional(),
    repeat: repeatSchema.optional(),
  })
  .refine(notHomeToHome, NOT_HOME_TO_HOME_ISSUE)
  .superRefine(repeatIssues);
export type BookingInput = z.infer<typeof bookingInputSchema>;

/** The trip request a booking makes, booked: one-off on its day, or repeating from it. */
export function bookedTripRequest(booking: BookingInput, reference: string): TripRequestInput {
  const { date, reference: _given, repeat, ...trip } = booking;
  const recurrence: TripRequestInput["recurrence"] = repeat
    ? {
        kind: "recurring",
        weekdays: repeat.weekdays,
        from: date,
        to: repeat.until,
        ...(repeat.termCalendarId ? { termCalendarId: repeat.termCalendarId } : {}),
      }
    : { kind: "one-off", date };
  return { ...trip, reference, recurrence, status: "booked" };
}

/**
 * The entitlement check of a repeating booking: the decision that holds on the first day must
 * still hold on the last (not due for review before it), so the trip is not booked for weeks
 * nobody may fund.
 */
export function checkRepeatEntitlement(
  purpose: TripPurpose,
  date: string,
  until: string | undefined,
  decisions: readonly DecisionOnFile[],
): BookingEntitlement {
  const first = checkBookingEntitlement(purpose, date, decisions);
  if (!first.ok || until === undefined || first.decisionId === null) return first;
  const decision = decisions.find((d) => d.id === first.decisionId);
  if (!decision || decision.reviewDate >= until) return first;
  return {
    ok: false,
    regime: decision.regime,
    decisionId: decision.id,
    rule: "review-before-last-day",
    message: `The ${decision.regime} decision of ${decision.assessedOn} is due for review on ${decision.reviewDate}, before the last day (${until}): book until then, or review it first.`,
  };
}

/**
 * The regime under which each purpose is funded, whose entitlement a booking needs; null where
 * anyone may travel (demand-responsive transport is open to the public).
 */
export const REGIME_OF_PURPOSE: Readonly<Record<TripPurpose, Regime | null>> = {
  school: "home-to-school",
  "send-school": "home-to-school",
  "post-16": "post-16",
  "adult-day-service": "adult-social-care",
  "hospital-appointment": "nepts",
  dialysis: "nepts",
  "gp-appointment": "nepts",
  "demand-responsive": null,
  "community-transport": "community-transport",
};

/** A stored decision as the check reads it. */
export interface DecisionOnFile {
  readonly id: string;
  readonly regime: Regime;
  readonly eligible: boolean;
  readonly assessedOn: string;
  readonly reviewDate: string;
  readonly decision: Pick<EntitlementDecision, "decidedBy">;
}

/** Whether a booking may go ahead, and the decision and rule that say so. */
export type BookingEntitlement =
  | { readonly ok: true; readonly regime: Regime | null; readonly decisionId: string | null }
  | {
      readonly ok: false;
      readonly regime: Regime;
      readonly decisionId: string | null;
      /** The rule that decided, or why no decision applies. */
      readonly rule: string;
      readonly message: string;
    };

/**
 * The booking check: the passenger's latest decision under the purpose's regime, assessed on or
 * before the day of travel, must be eligible and not past its review date on that day.
 * `decisions` newest first, as the store lists them.
 */
export function checkBookingEntitlement(
  purpose: TripPurpose,
  date: string,
  decisions: readonly DecisionOnFile[],
): BookingEntitlement {
  const regime = REGIME_OF_PURPOSE[purpose];
  if (regime === null) return { ok: true, regime, decisionId: null };
  const latest = decisions
    .filter((d) => d.regime === regime && d.assessedOn <= date)
    // Stable: decisions of one day keep the order given (the store's: newest first).
    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];
  if (!latest) {
    const message = `No ${regime} decision on file for this passenger by ${date}: assess them first.`;
    return { ok: false, regime, decisionId: null, rule: "no-decision-on-file", message };
  }
  if (!latest.eligible) {
    // Not the decision's summary: it can quote health facts the desk may not read.
    const { decidedBy } = latest.decision;
    const message = `Not entitled under ${regime}: the decision of ${latest.assessedOn} refused it (rule ${decidedBy}).`;
    return { ok: false, regime, decisionId: latest.id, rule: decidedBy, message };
  }
  if (latest.reviewDate < date) {
    const message = `The ${regime} decision of ${latest.assessedOn} was due for review on ${latest.reviewDate}, before ${date}: review it first.`;
    return { ok: false, regime, decisionId: latest.id, rule: "review-overdue", message };
  }
  return { ok: true, regime, decisionId: latest.id };
}

/** A passenger's standing under one regime, as the booking desk may see it: no reasons, no summary. */
export interface RegimeStanding {
  readonly regime: Regime;
  readonly eligible: boolean;
  readonly assessedOn: string;
  readonly reviewDate: string;
  /** True when the review date has passed on `on`: a booking under it is refused. */
  readonly reviewOverdue: boolean;
}

/**
 * The latest decision under each regime assessed on or before `on`, by regime: what the desk
 * shows beside the passenger, without the decision's words (they can quote health facts).
 * `decisions` newest first, as the store lists them.
 */
export function standingsOf(decisions: readonly DecisionOnFile[], on: string): RegimeStanding[] {
  const latest = new Map<Regime, DecisionOnFile>();
  for (const d of decisions) {
    if (d.assessedOn > on) continue;
    const held = latest.get(d.regime);
    if (!held || d.assessedOn > held.assessedOn) latest.set(d.regime, d);
  }
  return [...latest.values()]
    .map((d) => ({
      regime: d.regime,
      eligible: d.eligible,
      assessedOn: d.assessedOn,
      reviewDate: d.reviewDate,
      reviewOverdue: d.reviewDate < on,
    }))
    .sort((a, b) => a.regime.localeCompare(b.regime));
}
