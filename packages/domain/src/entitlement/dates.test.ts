import { describe, expect, it } from "vitest";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "./bank-holidays";
import {
  addWorkingDays,
  ageOn,
  dayOfWeek,
  isCompulsorySchoolAge,
  isWorkingDay,
  lastFridayInJune,
} from "./dates";

describe("working days (England and Wales)", () => {
  // [from, working days, expected]
  const SUMS: [string, number, string][] = [
    ["2026-11-23", 1, "2026-11-24"], // Monday → Tuesday
    ["2026-11-27", 1, "2026-11-30"], // Friday → Monday
    ["2026-11-22", 20, "2026-12-18"], // from a Sunday: four clear weeks
    ["2026-12-21", 5, "2026-12-30"], // Christmas Day and the Boxing Day substitute skipped
    ["2026-12-14", 20, "2027-01-14"], // over Christmas and New Year
    ["2027-03-25", 1, "2027-03-30"], // Good Friday and Easter Monday skipped
    ["2027-12-24", 1, "2027-12-29"], // both Christmas substitute days skipped
    ["2027-12-31", 1, "2028-01-04"], // New Year substitute day skipped
    ["2026-10-01", 0, "2026-10-01"],
  ];
  it.each(SUMS)("%s + %d working days = %s", (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it("refuses to count past the bank holidays it knows", () => {
    expect(() => addWorkingDays("2028-12-20", 20)).toThrow(/2029/);
  });

  it("holds eight holidays a year, each on a weekday, with a source", () => {
    const { holidays, source } = ENGLAND_AND_WALES_BANK_HOLIDAYS;
    for (const year of ["2026", "2027", "2028"])
      expect(holidays.filter((h) => h.date.startsWith(year))).toHaveLength(8);
    for (const h of holidays) expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(h.date));
    for (const h of holidays) expect(isWorkingDay(h.date)).toBe(false);
    expect(source).toContain("gov.uk/bank-holidays");
  });
});

describe("ages and compulsory school age", () => {
  const AGES: [string, string, number][] = [
    ["2018-10-01", "2026-10-01", 8],
    ["2018-10-02", "2026-10-01", 7],
    ["2016-02-29", "2027-02-28", 10],
    ["2016-02-29", "2027-03-01", 11],
  ];
  it.each(AGES)("born %s, on %s: %d", (dob, on, age) => {
    expect(ageOn(dob, on)).toBe(age);
  });

  it("finds the last Friday in June", () => {
    expect(lastFridayInJune(2026)).toBe("2026-06-26");
    expect(lastFridayInJune(2027)).toBe("2027-06-25");
  });

  // [date of birth, on, compulsory]
  const CSA: [string, string, boolean][] = [
    ["2021-05-10", "2026-08-30", false], // 5 in May: starts on 31 August
    ["2021-05-10", "2026-08-31", true],
    ["2021-09-01", "2026-12-30", false], // 5 in September: starts on 31 December
    ["2021-09-01", "2026-12-31", true],
    ["2010-08-31", "2026-06-26", true], // 16 on 31 August: leaves on the last Friday in June
    ["2010-08-31", "2026-06-27", false],
    ["2010-09-01", "2026-06-27", true], // 16 on 1 September: a school year later
  ];
  it.each(CSA)("born %s, on %s: %s", (dob, on, expected) => {
    expect(isCompulsorySchoolAge(dob, on)).toBe(expected);
  });
});
