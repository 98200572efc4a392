import type { DriverStopView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import {
  localProgress,
  newMarkId,
  outboxText,
  progressOnPhone,
  progressText,
  withheldText,
} from "./driver-words";
import type { RunMark } from "./outbox";

const TRIP = "22222222-2222-4222-8222-222222222222";
const stop: DriverStopView = {
  position: 0,
  time: "08:00",
  kind: "pickup",
  tripRequestId: TRIP,
  place: null,
  passenger: "Ada L.",
  needs: null,
  notes: [],
  notWith: [],
  progress: {
    arrivedAt: null,
    outcome: "picked-up",
    outcomeAt: "2026-11-24T08:01:00Z",
    reason: null,
  },
};
const mark = (over: Partial<RunMark>): RunMark => ({
  id: "00000000-0000-4000-8000-000000000001",
  serviceDate: "2026-11-24",
  vehicleId: "11111111-1111-4111-8111-111111111111",
  tripRequestId: TRIP,
  stop: "pickup",
  kind: "picked-up",
  at: "2026-11-24T08:05:00Z",
  ...over,
});

describe("the driver's screen", () => {
  it("shows the server's progress until this phone marks the stop, then the phone's", () => {
    expect(progressOnPhone(stop, localProgress([]))?.outcome).toBe("picked-up");
    const local = localProgress([mark({ kind: "no-show", reason: "unwell" })]);
    const shown = progressOnPhone(stop, local);
    expect(shown?.outcome).toBe("no-show");
    expect(progressText(shown)).toMatch(/^No-show at \d\d:\d\d: Too unwell to travel$/);
    expect(progressText(null)).toBe("Not yet");
  });

  it("says what the queue holds, with and without signal", () => {
    expect(outboxText(0, false)).toBe("All marks sent.");
    expect(outboxText(2, true)).toBe(
      "No signal: 2 marks kept on this phone, to send when back online.",
    );
    expect(outboxText(1, false)).toBe("Sending 1 mark…");
  });

  it("says whose runs it cannot show, how many and why", () => {
    const withheld = {
      organisationId: TRIP,
      organisationName: "Fenland County Council",
      vehicleIds: ["v1"],
      reason: "agreement OR-1 does not share home-location for operating runs",
    };
    expect(withheldText(withheld)).toBe(
      "Fenland County Council has a run on your vehicle today that this phone cannot show: agreement OR-1 does not share home-location for operating runs. Ask your office before you set off.",
    );
    expect(withheldText({ ...withheld, vehicleIds: ["v1", "v2"] })).toContain("has 2 runs on");
  });
});

describe("a mark's id", () => {
  it("is a version 4 UUID the server's schema takes, different each time", () => {
    const a = newMarkId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newMarkId()).not.toBe(a);
    expect(newMarkId((bytes) => bytes.fill(255))).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
  });
});
