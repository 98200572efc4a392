import { describe, expect, it } from "vitest";
import { bookedTripRequest, bookingInputSchema, checkBookingEntitlement } from "./booking";

const ID = "00000000-0000-4000-8000-000000000001";

const decision = (over: Partial<Parameters<typeof checkBookingEntitlement>[2][number]>) => ({
  id: "d1",
  regime: "home-to-school" as const,
  eligible: true,
  assessedOn: "2026-09-01",
  reviewDate: "2027-07-31",
  decision: { decidedBy: "hts.statutory-walking-distance" },
  ...over,
});

describe("a booking", () => {
  it("is read from a body with defaults, and makes a one-off booked trip request", () => {
    const booking = bookingInputSchema.parse({
      date: "2026-11-24",
      passengerId: ID,
      funderId: ID,
      purpose: "hospital-appointment",
      origin: { kind: "home" },
      destination: { kind: "place", placeId: ID },
      timing: "arrive-by",
      time: "10:30",
    });
    expect(bookedTripRequest(booking, "BK-1")).toMatchObject({
      reference: "BK-1",
      windowMinutes: 15,
      escorts: 0,
      recurrence: { kind: "one-off", date: "2026-11-24" },
      status: "booked",
    });
    const home = { kind: "home" };
    const both = bookingInputSchema.safeParse({ ...booking, origin: home, destination: home });
    expect(both.success).toBe(false);
    expect(bookingInputSchema.safeParse({ ...booking, date: "2026-02-30" }).success).toBe(false);
  });

  it("needs an in-date eligible decision under the purpose's regime, and says which rule refuses", () => {
    const ok = checkBookingEntitlement("school", "2026-11-24", [decision({})]);
    expect(ok).toEqual({ ok: true, regime: "home-to-school", decisionId: "d1" });
    expect(checkBookingEntitlement("demand-responsive", "2026-11-24", [])).toMatchObject({
      ok: true,
      regime: null,
    });
    expect(checkBookingEntitlement("dialysis", "2026-11-24", [decision({})])).toMatchObject({
      ok: false,
      regime: "nepts",
      rule: "no-decision-on-file",
    });
    // As stored, a decision's summary can quote the person's facts: the refusal never does.
    const stored = { summary: "Lives within walking distance", decidedBy: "hts.no-category-met" };
    const refused = decision({
      id: "d2",
      assessedOn: "2026-10-01",
      eligible: false,
      decision: stored,
    });
    const refusal = checkBookingEntitlement("school", "2026-11-24", [refused, decision({})]);
    expect(refusal.ok === false && refusal.message).not.toContain("walking distance");
    expect(checkBookingEntitlement("school", "2026-11-24", [decision({}), refused])).toMatchObject({
      ok: false,
      decisionId: "d2",
      rule: "hts.no-category-met",
      message: expect.stringContaining("rule hts.no-category-met"),
    });
    // A later decision, made after the day of travel, does not count for that day.
    expect(checkBookingEntitlement("school", "2026-09-30", [decision({}), refused]).ok).toBe(true);
    const stale = decision({ reviewDate: "2026-11-01" });
    expect(checkBookingEntitlement("send-school", "2026-11-24", [stale])).toMatchObject({
      ok: false,
      rule: "review-overdue",
    });
  });
});
