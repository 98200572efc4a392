import { z } from "zod";
import type { EntitlementDecision, Regime } from "../entitlement/types";
import { referenceSchema } from "../shared/schemas";
import { isoDateSchema } from "../shared/time-of-day";
import {
  NOT_HOME_TO_HOME_ISSUE,
  notHomeToHome,
  type TripPurpose,
  type TripRequestInput,
  tripShape,
} from "../trips/trip-request";

/** A one-off trip the booking desk books on a day that has an operating plan. */
export const bookingInputSchema = z
  .object({
    /** The day of travel, "YYYY-MM-DD". */
    date: isoDateSchema,
    ...tripShape,
    /** The trip's reference; one is made (`BK-…`) when omitted. */
    reference: referenceSchema.optional(),
  })
  .refine(notHomeToHome, NOT_HOME_TO_HOME_ISSUE);
export type BookingInput = z.infer<typeof bookingInputSchema>;

/** The trip request a booking makes: one-off on its day, booked. */
export function bookedTripRequest(booking: BookingInput, reference: string): TripRequestInput {
  const { date, reference: _given, ...trip } = booking;
  return { ...trip, reference, recurrence: { kind: "one-off", date }, status: "booked" };
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
