import { type CommissionPresented, isAllowed, userSchema } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { navFor } from "../navigation";
import {
  commissionStatusTag,
  type GroupReconciliationView,
  milesInWords,
  monthInWords,
  readJourney,
  readOffer,
  reconciliationFigures,
  shiftMonth,
  tripInWords,
} from "./commission-words";

const ID = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";

describe("community transport words", () => {
  it("says miles, months and statuses", () => {
    expect(milesInWords(123)).toBe("12.3 miles");
    expect(milesInWords(120)).toBe("12 miles");
    expect(milesInWords(10)).toBe("1 mile");
    expect(monthInWords("2026-10")).toBe("October 2026");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(commissionStatusTag("lapsed")).toEqual({
      text: "Lapsed",
      className: "govuk-tag govuk-tag--orange",
    });
  });

  it("describes a trip without a name", () => {
    const trip = {
      reference: "P-1A2B3C4D",
      purpose: "dialysis",
      passengers: 2,
      timing: "arrive-by",
      time: "09:30",
      pickup: "Home: 1 Fen Lane, CB6 1AA",
      dropoff: "Addenbrooke's, CB2 0QQ",
      needs: ["wheelchair", "1 escort"],
    } satisfies CommissionPresented["trip"];
    expect(tripInWords(trip)).toBe(
      "Arrive by 09:30: Home: 1 Fen Lane, CB6 1AA → Addenbrooke's, CB2 0QQ (wheelchair, 1 escort)",
    );
  });

  it("reads the offer form, linking each problem to its field", () => {
    const empty = readOffer({
      planId: "",
      groupId: "",
      tripRequestIds: [],
      deadlineDay: "",
      deadlineTime: "",
    });
    expect(empty.ok ? [] : empty.problems.map((p) => p.href)).toEqual([
      "#offer-plan",
      "#offer-group",
      "#offer-trips",
      "#offer-deadline-day",
    ]);
    const read = readOffer({
      planId: ID,
      groupId: ID,
      tripRequestIds: [ID],
      deadlineDay: "2026-10-13",
      deadlineTime: "17:00",
    });
    expect(read.ok && read.body.tripRequestIds).toEqual([ID]);
    expect(read.ok && Number.isNaN(Date.parse(read.body.deadline))).toBe(false);
  });

  it("reads the journey form: miles to a tenth, a driver unless recording as oneself", () => {
    const base = { date: "2026-10-14", miles: "12.3", driverStaffId: ID, vehicleId: "" };
    expect(readJourney(base)).toEqual({
      ok: true,
      body: { date: "2026-10-14", miles: 12.3, driverStaffId: ID },
    });
    expect(readJourney({ ...base, driverStaffId: undefined })).toEqual({
      ok: true,
      body: { date: "2026-10-14", miles: 12.3 },
    });
    const bad = readJourney({ ...base, miles: "12.34", driverStaffId: "", date: "2026-02-30" });
    expect(bad.ok ? [] : bad.problems.map((p) => p.href)).toEqual([
      "#journey-date",
      "#journey-miles",
      "#journey-driver",
    ]);
    expect(readJourney({ ...base, miles: "0" }).ok).toBe(false);
  });

  it("shows the month's figures in pounds and miles", () => {
    const g = {
      commissioned: 22,
      completed: 20,
      notCompleted: 2,
      declined: 4,
      lapsed: 4,
      disputed: 4,
      mileTenths: 3269,
      payablePence: 14_716,
      disputedMileTenths: 1296,
      disputedPence: 5833,
    } as GroupReconciliationView;
    expect(Object.fromEntries(reconciliationFigures(g))).toMatchObject({
      Commissioned: "22",
      "Declined or lapsed": "8",
      "Miles payable": "326.9 miles",
      "Amount payable": "£147.16",
      Disputed: "4 (129.6 miles, £58.33 held)",
    });
  });

  it("is in the menu of the roles that read commissions", () => {
    for (const role of userSchema.shape.role.options) {
      const shown = navFor(role).some((i) => i.href === "/community-transport");
      expect([role, shown]).toEqual([role, isAllowed(role, "commissions", "read")]);
    }
  });
});
