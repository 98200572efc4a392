import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_SHOW_REASON_CODES, runEventSchema } from "./run-event";
import { foldRunEvents, londonClock, type RecordedRunEvent, stopKey } from "./stop-progress";

const TRIPS = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];

/** Events at a few stops within one morning, some at the same minute. */
const arbEvent: fc.Arbitrary<RecordedRunEvent> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    trip: fc.constantFrom(...TRIPS),
    choice: fc.constantFrom(
      ["pickup", "arrived"],
      ["pickup", "picked-up"],
      ["pickup", "no-show"],
      ["dropoff", "arrived"],
      ["dropoff", "dropped-off"],
    ),
    reason: fc.constantFrom(...NO_SHOW_REASON_CODES),
    minute: fc.integer({ min: 0, max: 20 }),
  })
  .map(({ id, trip, choice, reason, minute }) => {
    const [stop, kind] = choice as [RecordedRunEvent["stop"], RecordedRunEvent["kind"]];
    const at = new Date(Date.UTC(2026, 10, 24, 8, minute)).toISOString();
    return { id, tripRequestId: trip, stop, kind, at, ...(kind === "no-show" ? { reason } : {}) };
  });

/** The events as a phone may deliver them: some sent again, in any order. */
const arbDelivery = fc.array(arbEvent, { maxLength: 25 }).chain((events) =>
  fc
    .tuple(
      fc.subarray(events),
      fc.array(fc.nat(), { minLength: events.length * 2, maxLength: events.length * 2 }),
    )
    .map(([again, keys]) => {
      const sent = [...events, ...again];
      const order = sent.map((e, i) => ({ e, k: keys[i] ?? i }));
      return { events, delivered: order.sort((a, b) => a.k - b.k).map((x) => x.e) };
    }),
);

describe("foldRunEvents", () => {
  it("counts an event sent twice once, whatever the order the events arrive in", () => {
    fc.assert(
      fc.property(arbDelivery, ({ events, delivered }) => {
        expect(foldRunEvents(delivered)).toEqual(foldRunEvents(events));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the first arrival and lets a later mark correct an earlier one", () => {
    const [trip] = TRIPS as [string];
    const base = { tripRequestId: trip, stop: "pickup" as const };
    const events: RecordedRunEvent[] = [
      { ...base, id: "c", kind: "picked-up", at: "2026-11-24T08:09:00Z" },
      { ...base, id: "a", kind: "arrived", at: "2026-11-24T08:02:00Z" },
      { ...base, id: "b", kind: "no-show", reason: "not-at-pickup", at: "2026-11-24T08:07:00Z" },
      { ...base, id: "d", kind: "arrived", at: "2026-11-24T08:05:00Z" },
    ];
    expect(foldRunEvents(events).get(stopKey(trip, "pickup"))).toEqual({
      ...base,
      arrivedAt: "2026-11-24T08:02:00Z",
      outcome: "picked-up",
      outcomeAt: "2026-11-24T08:09:00Z",
      reason: null,
    });
    // Without the correction, the no-show stands with its reason.
    const noShow = foldRunEvents(events.filter((e) => e.id !== "c"));
    expect(noShow.get(stopKey(trip, "pickup"))?.reason).toBe("not-at-pickup");
  });
});

describe("runEventSchema", () => {
  const event = {
    id: "33333333-3333-4333-8333-333333333333",
    serviceDate: "2026-11-24",
    vehicleId: TRIPS[0],
    tripRequestId: TRIPS[1],
    stop: "pickup",
    kind: "no-show",
    reason: "unwell",
    at: "2026-11-24T08:12:00+00:00",
  };

  it("accepts a no-show with its reason at a pick-up", () => {
    expect(runEventSchema.safeParse(event).success).toBe(true);
  });

  it("names what is wrong: a set-down marked at a pick-up, a no-show without a reason", () => {
    const wrongStop = runEventSchema.safeParse({
      ...event,
      kind: "dropped-off",
      reason: undefined,
    });
    expect(wrongStop.error?.issues.map((i) => i.message)).toEqual([
      '"dropped-off" is not marked at a pick-up',
    ]);
    const noReason = runEventSchema.safeParse({ ...event, reason: undefined });
    expect(noReason.error?.issues[0]?.path).toEqual(["reason"]);
    const badTime = runEventSchema.safeParse({ ...event, at: "08:12" });
    expect(badTime.error?.issues[0]?.path).toEqual(["at"]);
  });
});

describe("londonClock", () => {
  it("reads British summer time and Greenwich time", () => {
    expect(londonClock("2026-11-24T08:12:00Z")).toEqual({ date: "2026-11-24", minutes: 492 });
    expect(londonClock("2026-06-30T23:30:00Z")).toEqual({ date: "2026-07-01", minutes: 30 });
  });
});

describe("percentile", () => {
  it("takes the nearest rank: the smallest load that covers the share of days", async () => {
    const { percentile } = await import("./taps");
    expect(percentile([], 85)).toBe(0);
    expect(percentile([3, 1, 2, 4, 5, 6, 7, 8, 9, 10], 85)).toBe(9);
    expect(percentile([4], 50)).toBe(4);
    expect(percentile([1, 2, 3, 4], 100)).toBe(4);
  });
});
