import { z } from "zod";
import { isoDateSchema, timeOfDaySchema } from "../shared/time-of-day";

/** The columns of a smartcard tap or attendance file, in the order a template gives them. */
export const TAP_COLUMNS = ["date", "card", "vehicle", "stop", "time"] as const;
export type TapColumn = (typeof TAP_COLUMNS)[number];

/** At most this many rows in one file: a term's taps of a county's school routes. */
export const MAX_TAP_ROWS = 250_000;
/** Longest card number or passenger reference, and stop name, kept. */
export const MAX_CARD_LENGTH = 64;
export const MAX_STOP_LENGTH = 200;

/**
 * One tap as the file gives it: the day, the card (its number, or the passenger's reference when
 * the ticketing system knows it), the vehicle by its reference, the stop, and the time of the tap.
 */
export const tapRowSchema = z.object({
  date: isoDateSchema,
  card: z
    .string()
    .trim()
    .min(1, { message: "the card number or passenger reference is missing" })
    .max(MAX_CARD_LENGTH, { message: `at most ${MAX_CARD_LENGTH} characters` }),
  vehicle: z.string().trim().min(1, { message: "the vehicle's reference is missing" }).max(100),
  stop: z
    .string()
    .trim()
    .max(MAX_STOP_LENGTH, { message: `at most ${MAX_STOP_LENGTH} characters` }),
  time: timeOfDaySchema,
});
export type TapRow = z.infer<typeof tapRowSchema>;

/**
 * Taps on one vehicle more than this many minutes apart belong to different legs (the morning
 * and afternoon school runs, a dialysis round) [D]: a day's load is its fullest leg, since taps
 * say who boarded, not who alighted.
 */
export const LEG_GAP_MINUTES = 45;

/** The share of observed days whose load the suggested seats cover, by default [D]. */
export const DEFAULT_SEAT_PERCENTILE = 85;

/** The nearest-rank percentile of the values (0 for none): the smallest value covering p %. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}
