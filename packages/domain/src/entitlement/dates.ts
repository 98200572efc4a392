import { CALENDAR_COVERS, ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holidays";

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return toIso(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return toUtc(date).getUTCDay();
}

/** Days since 1970-01-01 (a Thursday). */
function epochDay(date: string): number {
  return Math.round(toUtc(date).getTime() / DAY_MS);
}

const HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays.map((h) => h.date));
const HOLIDAY_DAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays.map((h) => epochDay(h.date)));
const COVERED = { from: epochDay(CALENDAR_COVERS.from), to: epochDay(CALENDAR_COVERS.to) };

export function isBankHoliday(date: string): boolean {
  return HOLIDAYS.has(date);
}

function isWorkingEpochDay(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !HOLIDAY_DAYS.has(day);
}

/** Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  return isWorkingEpochDay(epochDay(date));
}

/**
 * The date `count` working days after `from` (the day itself is not counted: a letter dated on
 * Monday with 1 working day answers by Tuesday). Throws outside the bank-holiday calendar.
 */
export function addWorkingDays(from: string, count: number): string {
  let day = epochDay(from);
  let left = count;
  while (left > 0) {
    day += 1;
    if (day > COVERED.to || day < COVERED.from) {
      const year = new Date(day * DAY_MS).getUTCFullYear();
      throw new Error(
        `working days can only be counted between ${CALENDAR_COVERS.from} and ${CALENDAR_COVERS.to}; add the bank holidays for ${year}`,
      );
    }
    if (isWorkingEpochDay(day)) left -= 1;
  }
  return toIso(new Date(day * DAY_MS));
}

/** The first working day on or after `date`. */
export function nextWorkingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** Whole years of age on `on` for someone born on `dateOfBirth` (a 29 February birthday is 1 March in other years). */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** The date someone born on `dateOfBirth` turns `years`. */
export function birthday(dateOfBirth: string, years: number): string {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(by + years, bm - 1, bd));
  return toIso(date);
}

/** The last Friday in June of `year`. */
export function lastFridayInJune(year: number): string {
  let date = `${year}-06-30`;
  while (dayOfWeek(date) !== 5) date = addDays(date, -1);
  return date;
}

/**
 * Compulsory school age on `on`: from the prescribed day (31 Aug, 31 Dec or 31 Mar) on or after the
 * 5th birthday, to the last Friday in June of the school year in which the child turns 16.
 */
export function isCompulsorySchoolAge(dateOfBirth: string, on: string): boolean {
  const fifth = birthday(dateOfBirth, 5);
  const year = Number(fifth.slice(0, 4));
  const prescribed = [`${year}-03-31`, `${year}-08-31`, `${year}-12-31`].find((d) => d >= fifth);
  const starts = prescribed ?? `${year + 1}-03-31`;
  const sixteenth = birthday(dateOfBirth, 16);
  const schoolYearEnds =
    sixteenth.slice(5) >= "09-01"
      ? Number(sixteenth.slice(0, 4)) + 1
      : Number(sixteenth.slice(0, 4));
  return on >= starts && on <= lastFridayInJune(schoolYearEnds);
}
