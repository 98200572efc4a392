import { z } from "zod";
import { isoDateSchema } from "../shared/time-of-day";

/** The version of the list of reasons: a cancellation keeps the version its reason came from. */
export const CANCELLATION_REASONS_VERSION = "2026-12";

/**
 * Why a trip is cancelled on a day: what Kent asked every cancellation to record, so that the
 * figures say who and what cancels journeys.
 */
export const CANCELLATION_REASON_CODES = [
  "passenger-unwell",
  "passenger-request",
  "appointment-cancelled-by-hospital",
  "school-closed",
  "no-longer-entitled",
  "weather",
  "transport-unavailable",
  "booked-in-error",
] as const;
export type CancellationReason = (typeof CANCELLATION_REASON_CODES)[number];

/** Each reason's words, and whose decision it was. */
export const CANCELLATION_REASONS: Readonly<
  Record<CancellationReason, { readonly label: string; readonly by: string }>
> = {
  "passenger-unwell": { label: "Passenger unwell", by: "passenger" },
  "passenger-request": { label: "Passenger or family no longer need it", by: "passenger" },
  "appointment-cancelled-by-hospital": {
    label: "Appointment cancelled by the hospital",
    by: "destination",
  },
  "school-closed": { label: "School or day centre closed", by: "destination" },
  "no-longer-entitled": { label: "No longer entitled", by: "authority" },
  weather: { label: "Weather", by: "operations" },
  "transport-unavailable": { label: "Transport could not be provided", by: "operations" },
  "booked-in-error": { label: "Booked in error", by: "authority" },
};

/** A trip cancelled on one day: a one-off trip is cancelled; a recurring one misses that day. */
export const cancellationInputSchema = z.object({
  date: isoDateSchema,
  reason: z.enum(CANCELLATION_REASON_CODES),
});
export type CancellationInput = z.infer<typeof cancellationInputSchema>;
