import { describe, expect, it } from "vitest";
import { composeMessage, MOVE_NOTICE_MINUTES, pickupChanges, withOptOut } from "./message";

const notice = {
  kind: "pick-up-changed" as const,
  givenName: "Ava",
  tripReference: "BK-1",
  serviceDate: "2026-11-24",
  pickup: 8 * 60 + 10,
  previousPickup: 7 * 60 + 55,
};

describe("messages", () => {
  it("says the day, the new time and the old one, and how to stop", () => {
    const email = withOptOut(
      composeMessage(notice, "email"),
      "email",
      "https://tt.example/opt-out#abc",
    );
    expect(email.subject).toBe("Pick-up time changed: Tuesday 24 November (BK-1)");
    expect(email.body).toContain("Ava's pick-up on Tuesday 24 November has changed to about 08:10");
    expect(email.body).toContain("(it was 07:55)");
    expect(email.body).toContain("To stop these messages: https://tt.example/opt-out#abc");
    const sms = withOptOut(composeMessage(notice, "sms"), "sms");
    expect(sms.body).not.toContain("\n");
    expect(sms.body).toContain("tell your transport team");
  });

  it("gives every trip its time at the first publication", () => {
    const after = new Map([
      ["a", 480],
      ["b", 500],
    ]);
    expect(pickupChanges(undefined, after).map((c) => c.kind)).toEqual([
      "pick-up-time",
      "pick-up-time",
    ]);
  });

  it("tells new bookings, moves of the threshold or more and cancellations, and nothing else", () => {
    const before = new Map([
      ["kept", 480],
      ["nudged", 500],
      ["moved", 520],
      ["gone", 540],
      ["lost", 560],
    ]);
    const after = new Map([
      ["kept", 480],
      ["nudged", 500 + MOVE_NOTICE_MINUTES - 1],
      ["moved", 520 + MOVE_NOTICE_MINUTES],
      ["new", 600],
    ]);
    const changes = pickupChanges(before, after, new Set(["gone"]));
    expect(changes).toEqual([
      { tripRequestId: "moved", kind: "pick-up-changed", pickup: 525, previousPickup: 520 },
      { tripRequestId: "new", kind: "booking-confirmed", pickup: 600 },
      { tripRequestId: "gone", kind: "trip-cancelled" },
    ]);
  });
});
