import { z } from "zod";

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight (0–1439) from "HH:MM"; undefined when malformed. */
export function findMinutesOfDay(text: string): number | undefined {
  const match = HH_MM.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** "HH:MM" from minutes after midnight. */
export function formatMinutesOfDay(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** A 24-hour clock time written "HH:MM", e.g. "08:45". */
export const timeOfDaySchema = z
  .string()
  .regex(HH_MM, { message: 'expected a 24-hour time "HH:MM", e.g. "08:45"' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The earliest and latest dates any field may hold: earlier or later ones are typing slips. */
export const EARLIEST_DATE = "1900-01-01";
export const LATEST_DATE = "2199-12-31";

/** A calendar date written "YYYY-MM-DD" that exists, from 1900 to 2199. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a date "YYYY-MM-DD", e.g. "2026-09-03"', abort: true })
  .refine((text) => text >= EARLIEST_DATE && text <= LATEST_DATE, {
    message: `must be between ${EARLIEST_DATE} and ${LATEST_DATE}`,
  });

/**
 * Today's date in UTC, "YYYY-MM-DD". The one place the domain reads the clock: input validation,
 * where "not in the future" can only mean the day the input is checked.
 */
export function todayIsoDate(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A date of birth: a real date, not before 1900 and not in the future. */
export const dateOfBirthSchema = isoDateSchema.refine((text) => text <= todayIsoDate(), {
  message: "must not be in the future",
});

/**
 * A real calendar date "YYYY-MM-DD" from the year 1 (the databases have no year 0: "0000-01-01"
 * would pass the calendar and fail there).
 */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text) || text.startsWith("0000")) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
