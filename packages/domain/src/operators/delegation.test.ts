import { describe, expect, it } from "vitest";
import type { Contract } from "./contract";
import {
  commitmentIn,
  countedDays,
  financialYearOf,
  financialYearsBetween,
  formatPounds,
} from "./delegation";

const contract = (over: Partial<Contract> = {}): Contract => ({
  id: "c1",
  buyerId: "b",
  operatorId: "o",
  reference: "FE-1",
  title: "Villager",
  funderIds: [],
  price: { basis: "per-day", pence: 18_500 },
  vehicleIds: [],
  runs: [],
  startsOn: "2026-09-01",
  endsOn: "2027-07-31",
  breakDates: [],
  status: "active",
  createdAt: "",
  updatedAt: "",
  ...over,
});

describe("what a consortium has committed", () => {
  it("places dates in financial years, April to March", () => {
    expect(financialYearOf("2026-04-01")).toBe("2026/27");
    expect(financialYearOf("2027-03-31")).toBe("2026/27");
    expect(financialYearOf("2099-12-31")).toBe("2099/00");
    expect(financialYearsBetween("2026-09-01", "2027-07-31")).toEqual(["2026/27", "2027/28"]);
    expect(financialYearsBetween("2026-05-01", "2026-06-01")).toEqual(["2026/27"]);
  });

  it("counts weekdays, Monday to Friday, both ends included", () => {
    // Tuesday 1 September to Monday 7 September 2026: Tue–Fri and Mon.
    expect(countedDays("2026-09-01", "2026-09-07")).toBe(5);
    expect(countedDays("2026-09-05", "2026-09-06")).toBe(0);
    expect(countedDays("2026-09-07", "2026-09-01")).toBe(0);
  });

  it("is a day's price times the weekdays of the term within the year (worked by hand)", () => {
    // 1 September 2026 (a Tuesday) to 31 March 2027: 212 days, 30 whole weeks (150 weekdays)
    // and Tuesday 30 and Wednesday 31 March: 152 weekdays at £185.00 = £28,120.00.
    expect(commitmentIn(contract(), "2026/27")).toEqual({
      counted: true,
      days: 152,
      pence: 2_812_000,
    });
    // 1 April 2027 (a Thursday) to 31 July 2027 (a Saturday): 122 days, 17 weeks (85 weekdays)
    // and Thursday 29, Friday 30, Saturday 31 July: 87 weekdays = £16,095.00.
    expect(commitmentIn(contract(), "2027/28")).toEqual({
      counted: true,
      days: 87,
      pence: 1_609_500,
    });
    expect(commitmentIn(contract(), "2025/26")).toEqual({ counted: true, days: 0, pence: 0 });
  });

  it("stops counting at the day before a contract was ended", () => {
    const ended = contract({ status: "handed-back", endedOn: "2026-09-08" });
    expect(commitmentIn(ended, "2026/27")).toMatchObject({ days: 5, pence: 92_500 });
  });

  it("cannot count a contract priced per mile or per trip", () => {
    const miles = commitmentIn(contract({ price: { basis: "mileage-rate" } }), "2026/27");
    expect(miles.counted).toBe(false);
  });

  it("writes pounds and pence", () => {
    expect(formatPounds(2_812_000)).toBe("£28,120.00");
    expect(formatPounds(5)).toBe("£0.05");
  });
});
