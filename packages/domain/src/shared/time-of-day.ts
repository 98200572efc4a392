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

/** A calendar date written "YYYY-MM-DD" that exists. */
export const isoDateSchema = z.string().refine(isIsoDate, {
  message: 'expected a date "YYYY-MM-DD", e.g. "2026-09-03"',
});

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
