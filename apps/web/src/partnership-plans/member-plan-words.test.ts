import { describe, expect, it } from "vitest";
import type { MemberPlan } from "../api";
import {
  hasReferences,
  memberPlanFacts,
  planDateProblem,
  unservedByReason,
} from "./member-plan-words";

const trip = (id: string, reference: string | null) => ({
  tripRequestId: id,
  reference,
  vehicleReference: "CCC-MB-11",
  pickup: 405.9,
  dropoff: 480.4,
  cost: 30.89,
});

const PLAN: MemberPlan = {
  planId: "p1",
  partnership: "Transport for Cambridgeshire",
  serviceDate: "2026-11-24",
  revision: 1,
  createdAt: "2026-11-20T09:05:00.000Z",
  trips: [trip("t1", null), trip("t2", null)],
  unassigned: [
    { tripRequestId: "u1", reference: null, reason: "incompatibility" },
    { tripRequestId: "u2", reference: null, reason: "not-worth-penalty" },
    { tripRequestId: "u3", reference: null, reason: "incompatibility" },
  ],
  cost: 1234.5,
  planCost: 12_345.67,
  planTrips: 4170,
};

describe("the date of the plans", () => {
  it("asks for a date when none is given", () => {
    expect(planDateProblem("")).toBe("Enter the date of the plans");
  });

  it.each(["2026-02-30", "2026-13-01", "2026-11-"])("refuses %s as not a real date", (date) => {
    expect(planDateProblem(date)).toMatch(/must be a real date/);
  });

  it("takes a real date", () => {
    expect(planDateProblem("2026-11-24")).toBeUndefined();
    expect(planDateProblem("2028-02-29")).toBeUndefined();
  });
});

describe("your part of a partnership's plan", () => {
  it("sets your trips and cost beside the plan's, in pounds and with thousands marked", () => {
    expect(memberPlanFacts(PLAN)).toEqual([
      ["Your trips", "2"],
      ["Your cost", "£1,234.50"],
      ["The plan's cost", "£12,345.67"],
      ["Trips in the plan", "4,170"],
    ]);
  });

  it("counts your unserved trips by reason in words, the most common first", () => {
    expect(unservedByReason(PLAN.unassigned)).toEqual([
      ["cannot share with the passengers on board", 2],
      ["cheaper to leave unserved than to serve", 1],
    ]);
    expect(unservedByReason([])).toEqual([]);
  });

  it("knows when the API withholds every reference (roles that may not read passengers)", () => {
    expect(hasReferences(PLAN)).toBe(false);
    expect(hasReferences({ ...PLAN, trips: [trip("t1", "SEND-0001")] })).toBe(true);
  });
});
