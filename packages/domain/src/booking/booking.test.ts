import { describe, expect, it } from "vitest";
import {
  bookedTripRequest,
  bookingInputSchema,
  checkBookingEntitlement,
  checkRepeatEntitlement,
  standingsOf,
} from "./booking";

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

describe("a repeating booking", () => {
  const body = {
    date: "2026-11-24",
    passengerId: ID,
    funderId: ID,
    purpose: "send-school",
    origin: { kind: "home" },
    destination: { kind: "place", placeId: ID },
    timing: "arrive-by",
    time: "08:40",
  };

  it("makes a recurring booked trip request from its first day to its last", () => {
    const booking = bookingInputSchema.parse({
      ...body,
      repeat: { weekdays: ["tue", "thu"], until: "2027-07-21", termCalendarId: ID },
    });
    expect(bookedTripRequest(booking, "BK-2").recurrence).toEqual({
      kind: "recurring",
      weekdays: ["tue", "thu"],
      from: "2026-11-24",
      to: "2027-07-21",
      termCalendarId: ID,
    });
  });

  it("names what is wrong with its days", () => {
    const issues = (repeat: unknown) =>
      bookingInputSchema
        .safeParse({ ...body, repeat })
        .error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ weekdays: ["mon"], until: "2026-11-24" })).toEqual([
      ["repeat.until", "must come after the first day"],
      ["repeat.weekdays", "the first day (2026-11-24) is not one of them"],
    ]);
    expect(issues({ weekdays: ["tue"], until: "2028-01-01" })).toEqual([
      ["repeat.until", "at most 400 days after the first day"],
    ]);
    expect(issues({ weekdays: [], until: "2027-01-01" })?.[0]?.[0]).toBe("repeat.weekdays");
  });

  it("needs the decision to hold until the last day", () => {
    const decisions = [decision({ reviewDate: "2027-03-31" })];
    expect(
      checkRepeatEntitlement("send-school", "2026-11-24", "2027-03-31", decisions),
    ).toMatchObject({ ok: true });
    expect(checkRepeatEntitlement("send-school", "2026-11-24", undefined, decisions).ok).toBe(true);
    const refused = checkRepeatEntitlement("send-school", "2026-11-24", "2027-07-21", decisions);
    expect(refused).toMatchObject({ ok: false, rule: "review-before-last-day", decisionId: "d1" });
    expect(refused.ok === false && refused.message).toMatch(
      /due for review on 2027-03-31, before the last day \(2027-07-21\)/,
    );
    expect(checkRepeatEntitlement("demand-responsive", "2026-11-24", "2027-07-21", []).ok).toBe(
      true,
    );
  });
});

describe("a passenger's standing at the desk", () => {
  const decision = (regime: "nepts" | "home-to-school", assessedOn: string, eligible = true) => ({
    id: `${regime}-${assessedOn}`,
    regime,
    eligible,
    assessedOn,
    reviewDate: `${Number(assessedOn.slice(0, 4)) + 1}${assessedOn.slice(4)}`,
    decision: { decidedBy: "rule" },
  });

  it("is the latest decision of each regime by the day, and says when its review is overdue", () => {
    const decisions = [
      decision("nepts", "2026-11-01", false),
      decision("home-to-school", "2024-09-01"),
      decision("nepts", "2025-06-01"),
      decision("nepts", "2026-12-20"),
    ];
    expect(standingsOf(decisions, "2026-11-24")).toEqual([
      {
        regime: "home-to-school",
        eligible: true,
        assessedOn: "2024-09-01",
        reviewDate: "2025-09-01",
        reviewOverdue: true,
      },
      {
        regime: "nepts",
        eligible: false,
        assessedOn: "2026-11-01",
        reviewDate: "2027-11-01",
        reviewOverdue: false,
      },
    ]);
    expect(standingsOf([], "2026-11-24")).toEqual([]);
  });
});
