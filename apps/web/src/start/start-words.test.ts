import type { AgreementViewBody } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { daysBetween, expiringAgreements, pounds, weekOf } from "./start-words";

const agreement = (reference: string, status: string, reviewDate: string, endDate: string) =>
  ({ agreement: { reference, status, reviewDate, endDate } }) as unknown as AgreementViewBody;

describe("the start page's sums", () => {
  it("finds agreements ending or due for review within 60 days, soonest first", () => {
    const list = [
      agreement("A-1", "active", "2027-06-01", "2027-01-10"),
      agreement("A-2", "active", "2026-12-20", "2028-01-01"),
      agreement("A-3", "ended", "2026-12-10", "2026-12-11"),
      agreement("A-4", "active", "2027-09-01", "2028-01-01"),
    ];
    expect(expiringAgreements(list, "2026-12-07")).toEqual([
      { reference: "A-2", what: "review", date: "2026-12-20", days: 13 },
      { reference: "A-1", what: "end", date: "2027-01-10", days: 34 },
    ]);
  });

  it("takes Monday to Sunday of a date's week, and counts days and pounds", () => {
    expect(weekOf("2026-11-26")).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    expect(weekOf("2026-11-23")[0]).toBe("2026-11-23");
    expect(weekOf("2026-11-29")[0]).toBe("2026-11-23");
    expect(daysBetween("2026-10-24", "2026-11-24")).toBe(31);
    expect(pounds(12345.6)).toBe("£12,346");
  });
});
