import { describe, expect, it } from "vitest";
import { standingText, tripLine, upcomingTrips } from "./standing-words";

const trip = (reference: string, over: Record<string, unknown>) =>
  ({
    id: reference,
    organisationId: "o1",
    reference,
    passengerId: "p1",
    funderId: "f1",
    purpose: "hospital-appointment",
    origin: { kind: "home" },
    destination: { kind: "place", placeId: "pl1" },
    timing: "arrive-by",
    time: "09:30",
    windowMinutes: 15,
    escorts: 0,
    status: "booked",
    recurrence: { kind: "one-off", date: "2026-11-24" },
    createdAt: "2026-11-01T00:00:00Z",
    updatedAt: "2026-11-01T00:00:00Z",
    ...over,
  }) as Parameters<typeof tripLine>[0];

describe("the passenger beside the desk", () => {
  it("says under each regime whether they are entitled, and when to reassess", () => {
    const base = { regime: "nepts", assessedOn: "2026-06-01", reviewDate: "2027-06-01" };
    expect(standingText({ ...base, eligible: true, reviewOverdue: false })).toBe(
      "Non-emergency patient transport (NEPTS): entitled until the review on 2027-06-01.",
    );
    expect(standingText({ ...base, eligible: true, reviewOverdue: true })).toMatch(
      /review was due 2027-06-01: reassess before booking\.$/,
    );
    expect(
      standingText({ ...base, regime: "home-to-school", eligible: false, reviewOverdue: false }),
    ).toBe("Home to school transport: not entitled (decided 2026-06-01).");
  });

  it("lists the trips still to travel, soonest first, leaving out the cancelled and the past", () => {
    const trips = [
      trip("BK-3", { recurrence: { kind: "one-off", date: "2026-12-01" } }),
      trip("BK-1", { recurrence: { kind: "one-off", date: "2026-11-20" } }),
      trip("BK-2", { status: "cancelled" }),
      trip("T-9", {
        purpose: "school",
        recurrence: {
          kind: "recurring",
          weekdays: ["mon", "thu"],
          from: "2026-09-03",
          to: "2027-07-21",
          termCalendarId: "c1",
        },
      }),
    ];
    const upcoming = upcomingTrips(trips, "2026-11-24");
    expect(upcoming.map((t) => t.reference)).toEqual(["T-9", "BK-3"]);
    expect(tripLine(upcoming[0]!)).toBe(
      "T-9: School, every Monday and Thursday in term time from 2026-09-03 to 2027-07-21 (booked).",
    );
  });
});
