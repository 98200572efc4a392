import type { TermCalendarInput } from "@tt/domain";

/**
 * School year 2026/27 term dates assumed for the demo: the usual Cambridgeshire & Peterborough
 * pattern (start early September, half terms late October, mid February and late May, Easter
 * holiday around Easter Sunday 28 March 2027, finish late July). Not the councils' published dates.
 */
export const SCHOOL_TERMS_2026_27: TermCalendarInput = {
  name: "School year 2026/27 (demo term dates)",
  periods: [
    { start: "2026-09-03", end: "2026-10-23" },
    { start: "2026-11-02", end: "2026-12-18" },
    { start: "2027-01-05", end: "2027-02-12" },
    { start: "2027-02-22", end: "2027-03-26" },
    { start: "2027-04-12", end: "2027-05-28" },
    { start: "2027-06-07", end: "2027-07-21" },
  ],
};

export const SCHOOL_YEAR_START = "2026-09-03";
export const SCHOOL_YEAR_END = "2027-07-21";

/** Recurring adult services run for the financial year. */
export const FINANCIAL_YEAR_START = "2026-04-01";
export const FINANCIAL_YEAR_END = "2027-03-31";

/** The demo week: one-off appointments and DRT trips fall on Monday 23 – Friday 27 November 2026. */
export const DEMO_WEEK = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"];

/** "Today" for checks that expire (DBS, licences): Monday of the demo week. */
export const DEMO_TODAY = "2026-11-23";

/** An ISO date `days` after `isoDate` (negative goes back). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole years of age on `isoDate` for someone born on `dateOfBirth`. */
export function ageOn(dateOfBirth: string, isoDate: string): number {
  const years = Number(isoDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return isoDate.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}

/** "HH:MM" from minutes after midnight. */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
