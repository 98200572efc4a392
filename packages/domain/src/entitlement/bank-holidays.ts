import type { Confidence } from "./types";

export interface BankHoliday {
  readonly date: string;
  readonly title: string;
}

export interface BankHolidayCalendar {
  readonly region: string;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note: string;
  readonly holidays: readonly BankHoliday[];
}

/**
 * England and Wales bank holidays 2026–2028. 2026 and 2027 as announced on gov.uk; 2028 follows
 * the standing rules (Banking and Financial Dealings Act 1971 and the usual royal proclamation:
 * a holiday falling at a weekend moves to the next weekday). Check against the published list each
 * year and add the next one.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: BankHolidayCalendar = {
  region: "england-and-wales",
  source: "https://www.gov.uk/bank-holidays (JSON: https://www.gov.uk/bank-holidays.json)",
  confidence: "unverified",
  note: "2028 dates derived from the standing rules; confirm when gov.uk publishes them.",
  holidays: [
    { date: "2026-01-01", title: "New Year’s Day" },
    { date: "2026-04-03", title: "Good Friday" },
    { date: "2026-04-06", title: "Easter Monday" },
    { date: "2026-05-04", title: "Early May bank holiday" },
    { date: "2026-05-25", title: "Spring bank holiday" },
    { date: "2026-08-31", title: "Summer bank holiday" },
    { date: "2026-12-25", title: "Christmas Day" },
    { date: "2026-12-28", title: "Boxing Day (substitute day)" },
    { date: "2027-01-01", title: "New Year’s Day" },
    { date: "2027-03-26", title: "Good Friday" },
    { date: "2027-03-29", title: "Easter Monday" },
    { date: "2027-05-03", title: "Early May bank holiday" },
    { date: "2027-05-31", title: "Spring bank holiday" },
    { date: "2027-08-30", title: "Summer bank holiday" },
    { date: "2027-12-27", title: "Christmas Day (substitute day)" },
    { date: "2027-12-28", title: "Boxing Day (substitute day)" },
    { date: "2028-01-03", title: "New Year’s Day (substitute day)" },
    { date: "2028-04-14", title: "Good Friday" },
    { date: "2028-04-17", title: "Easter Monday" },
    { date: "2028-05-01", title: "Early May bank holiday" },
    { date: "2028-05-29", title: "Spring bank holiday" },
    { date: "2028-08-28", title: "Summer bank holiday" },
    { date: "2028-12-25", title: "Christmas Day" },
    { date: "2028-12-26", title: "Boxing Day" },
  ],
};

/** First and last dates the calendar covers: working-day sums beyond them are refused. */
export const CALENDAR_COVERS = { from: "2026-01-01", to: "2028-12-31" } as const;
