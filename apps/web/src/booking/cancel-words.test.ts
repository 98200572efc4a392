import type { CancelledView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import {
  cancelledFacts,
  countedReasons,
  isTripRequestId,
  knownTrip,
  offersIntro,
  REASON_CHOICES,
  readCancellation,
  returnLegText,
} from "./cancel-words";

const ID = "0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e";
const BOOKED = { reference: "BK-20261124-ABCD1234", tripRequestId: ID };

const CANCELLED: CancelledView = {
  cancellation: {
    id: "00000000-0000-4000-8000-000000000003",
    tripRequestId: ID,
    serviceDate: "2026-11-24",
    reason: "appointment-cancelled-by-hospital",
    reasonsVersion: "2026-12",
    planId: "00000000-0000-4000-8000-000000000001",
    createdAt: "2026-11-20T09:00:00.000Z",
  },
  plan: { id: "00000000-0000-4000-8000-000000000001", revision: 5 },
  offers: [],
  returnLeg: null,
};

describe("the cancel form", () => {
  it("offers every reason of the list by its label", () => {
    expect(REASON_CHOICES).toHaveLength(8);
    expect(REASON_CHOICES[0]).toEqual({ value: "passenger-unwell", text: "Passenger unwell" });
  });

  it("gives the trip as typed and the body the API takes", () => {
    expect(readCancellation({ trip: " BK-1 ", date: "2026-11-24", reason: "weather" })).toEqual({
      ok: true,
      value: { trip: "BK-1", body: { date: "2026-11-24", reason: "weather" } },
    });
  });

  it("lists every problem, each linked to its field", () => {
    const read = readCancellation({ trip: "", date: "2026-13-01", reason: "bored" });
    expect(read.ok ? [] : read.problems).toEqual([
      { text: "Enter the trip's reference or id", href: "#cancel-trip" },
      { text: "The date to cancel must be a real date, like 24 11 2026", href: "#cancel-date" },
      { text: "Choose why the trip is cancelled", href: "#cancel-reason" },
    ]);
  });

  it("knows the trip's id when typed, or when it is the trip just booked", () => {
    expect(isTripRequestId(ID)).toBe(true);
    expect(isTripRequestId("BK-20261124-ABCD1234")).toBe(false);
    expect(knownTrip(ID, undefined)).toEqual({ id: ID, reference: ID });
    expect(knownTrip("bk-20261124-abcd1234", BOOKED)).toEqual({
      id: ID,
      reference: "BK-20261124-ABCD1234",
    });
    expect(knownTrip("SEND-0001", BOOKED)).toBeUndefined();
  });
});

describe("the cancellation made", () => {
  it("tells the day, the reason and the plan's new revision", () => {
    expect(cancelledFacts(CANCELLED)).toEqual([
      ["Date", "24 November 2026"],
      ["Reason", "Appointment cancelled by the hospital"],
      ["Day's plan", "Revision 5, without the trip"],
    ]);
    expect(cancelledFacts({ ...CANCELLED, plan: null })[2]).toEqual([
      "Day's plan",
      "The day's operating plan did not carry the trip",
    ]);
  });

  it("introduces the trips that fit the freed seat, or says there are none", () => {
    expect(offersIntro(CANCELLED)).toBe("No trip still without a place fits the freed seat.");
    const offer = { tripRequestId: ID, vehicleId: "v1", pickup: "10:05" };
    expect(offersIntro({ ...CANCELLED, offers: [offer] })).toBe(
      "1 trip still without a place fits the freed seat:",
    );
    expect(offersIntro({ ...CANCELLED, offers: [offer, offer] })).toBe(
      "2 trips still without a place fit the freed seat:",
    );
  });

  it("lists the day's reasons with the most trips first, the list's order among equals", () => {
    const reason = (code: string, count: number) => ({ code, label: code, by: "x", count });
    const summary = { reasons: [reason("a", 0), reason("b", 2), reason("c", 0), reason("d", 1)] };
    expect(countedReasons(summary).map((r) => r.code)).toEqual(["b", "d", "a", "c"]);
  });
});

describe("the return journey", () => {
  it("is named with its day when it still travels, and not otherwise", () => {
    expect(returnLegText(CANCELLED)).toBeUndefined();
    const withReturn = { ...CANCELLED, returnLeg: { tripRequestId: ID, reference: "T-2" } };
    expect(returnLegText(withReturn)).toBe(
      "The return journey T-2 still travels on 24 November 2026.",
    );
  });
});
