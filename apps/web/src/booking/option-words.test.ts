import type { BookedView, BookingOptionsView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import {
  type BookingOption,
  bookedDetails,
  detourText,
  entitledText,
  laterDaysText,
  notEntitledText,
  optionCells,
  optionsSummary,
  refusalText,
  untriedText,
} from "./option-words";

const OPTION: BookingOption = {
  vehicleId: "v1",
  vehicleReference: "CCC-MB-11",
  pickup: "08:40",
  pickupWindow: ["08:35", "08:50"],
  dropoff: "09:12",
  addedCost: 1234.5,
  detour: { passengers: 2, addedRideMinutes: 6.6, largestPickupShift: 4 },
  stops: 12,
};

const VIEW: BookingOptionsView = {
  planId: "00000000-0000-4000-8000-000000000001",
  revision: 3,
  entitlement: { ok: true, regime: "nepts", decisionId: "d1" },
  options: [OPTION],
  refusals: [],
  untried: 0,
};

describe("an option of the booking desk", () => {
  it("reads as the table's cells: window, times, cost in pounds, the detour for others", () => {
    expect(optionCells(OPTION)).toEqual({
      vehicle: "CCC-MB-11",
      window: "08:35 to 08:50",
      pickup: "08:40",
      dropoff: "09:12",
      cost: "£1,234.50",
      detour: "2 passengers, 7 minutes added",
    });
  });

  it("says when no one else is affected, and counts one passenger and one minute", () => {
    expect(detourText({ passengers: 0, addedRideMinutes: 0, largestPickupShift: 0 })).toBe(
      "No one else affected",
    );
    expect(detourText({ passengers: 1, addedRideMinutes: 1.2, largestPickupShift: 1 })).toBe(
      "1 passenger, 1 minute added",
    );
  });

  it("sums up the options, or that there are none", () => {
    expect(optionsSummary(VIEW)).toBe(
      "1 vehicle can take this trip in revision 3 of the day's plan, cheapest first.",
    );
    expect(optionsSummary({ ...VIEW, options: [] })).toBe(
      "No vehicle in the day's plan can take this trip.",
    );
  });

  it("puts a refusal in words with how many vehicles gave it", () => {
    expect(refusalText({ reason: "capacity", vehicles: 3, example: "no layout has room" })).toBe(
      "No vehicle has room (3 vehicles), for example: no layout has room",
    );
    expect(untriedText(1)).toBe("1 vehicle farther off was not tried.");
    expect(untriedText(40)).toBe("40 vehicles farther off were not tried.");
  });
});

describe("the entitlement check", () => {
  it("names the regime the passenger is entitled to, or that none is needed", () => {
    expect(entitledText("nepts")).toBe(
      "The passenger is entitled to non-emergency patient transport (NEPTS).",
    );
    expect(entitledText(null)).toBe("No entitlement is needed for this purpose.");
  });

  it("warns with the API's reason when the passenger is not entitled", () => {
    const warning = notEntitledText({
      ok: false,
      regime: "home-to-school",
      decisionId: null,
      rule: "no-decision-on-file",
      message: "No home-to-school decision on file for this passenger by 2026-11-24.",
    });
    expect(warning.heading).toBe("The passenger is not entitled to home to school transport.");
    expect(warning.detail).toMatch(/^No home-to-school decision on file .* cannot be booked/);
  });
});

describe("the booking made", () => {
  it("tells the pick-up window, the planned times and the plan's new revision", () => {
    const booked: BookedView = {
      tripRequestId: "00000000-0000-4000-8000-000000000002",
      reference: "BK-20261124-ABCD1234",
      planId: VIEW.planId,
      revision: 4,
      option: OPTION,
      insteadOfVehicleId: null,
      repeats: null,
      laterDays: [],
    };
    expect(bookedDetails(booked)).toBe(
      "On CCC-MB-11: pick-up between 08:35 and 08:50 (planned 08:40), drop-off 09:12. The day's plan is now revision 4.",
    );
    expect(bookedDetails({ ...booked, insteadOfVehicleId: "v-gone" })).toMatch(
      /^The vehicle chosen had no room left by then, so the trip went on another within the pick-up window told\. On CCC-MB-11:/,
    );
    const weekly: BookedView["repeats"] = {
      weekdays: ["mon", "wed", "fri"],
      until: "2027-07-21",
      termCalendarId: "t",
    };
    expect(bookedDetails({ ...booked, repeats: weekly })).toMatch(
      /revision 4\. It repeats every Monday, Wednesday and Friday in term time until 2027-07-21: later days' plans take it when they are made\.$/,
    );
    const day = (date: string, vehicleId: string | null, reason: string | null = null) => ({
      date,
      planId: reason ? null : VIEW.planId,
      revision: reason ? null : 2,
      vehicleId,
      reason,
    });
    const later = {
      ...booked,
      repeats: weekly,
      laterDays: [
        day("2026-11-25", OPTION.vehicleId),
        day("2026-11-27", "v9"),
        day("2026-11-30", null, "no vehicle can take it (capacity, 3 vehicles)"),
      ],
    };
    expect(laterDaysText(later)).toBe(
      "It is also in the published plans of 2026-11-25 and 2026-11-27, on another vehicle on 2026-11-27. Not yet in the plan of 2026-11-30: no vehicle can take it (capacity, 3 vehicles); the day's next plan takes it.",
    );
    expect(laterDaysText({ ...later, laterDays: [day("2026-11-25", OPTION.vehicleId)] })).toBe(
      "It is also in the published plans of 2026-11-25, on the same vehicle.",
    );
  });
});
