import type { PlanRevisionEntryView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { handBackLines, revisionRuns, revisionWhat } from "./revision-words";

const entry = (over: Partial<PlanRevisionEntryView>): PlanRevisionEntryView => ({
  id: "00000000-0000-4000-8000-000000000001",
  revision: 2,
  status: "published",
  createdAt: "2026-11-24T08:15:00.000Z",
  kind: "booking",
  by: "Sam Agent",
  why: null,
  tripRequestId: "t1",
  vehicles: ["v1"],
  ...over,
});

describe("a plan's revisions in words", () => {
  it("names the kind of change and its reason", () => {
    expect(revisionWhat(entry({}))).toBe("Trip booked");
    expect(revisionWhat(entry({ kind: "cancellation", why: "passenger-unwell" }))).toBe(
      "Trip cancelled: passenger unwell",
    );
    expect(revisionWhat(entry({ kind: "planned", why: null }))).toBe("Planned by the engine");
  });

  it("says what a hand-back moved, left without a place and cost, by trip reference", () => {
    const handed = entry({
      kind: "hand-back",
      why: "no driver",
      tripRequestId: null,
      vehicles: ["cm", "own"],
      handBack: {
        contract: "C-201",
        moved: [
          {
            reference: "T-1",
            fromVehicle: "cm",
            toVehicle: "own",
            pickupBefore: 484,
            pickupAfter: 489,
          },
        ],
        unassigned: [
          {
            reference: "T-2",
            reason: "features",
            message: "no other vehicle can take it (features: 1 vehicle)",
          },
        ],
        costBeforePence: 27_000,
        costAfterPence: 12_000,
      },
    });
    expect(revisionWhat(handed)).toBe("Contract C-201 handed back: no driver");
    expect(handBackLines(handed, (id) => `V-${id}`)).toEqual([
      "T-1 moved to V-own, picked up 08:09 (was 08:04)",
      "T-2 has no place: no other vehicle can take it (features: 1 vehicle)",
      "Cost of the runs £270.00 before, £120.00 after",
    ]);
    expect(handBackLines(entry({}), (id) => id)).toEqual([]);
  });

  it("names the runs by the vehicles' names, or a dash", () => {
    expect(revisionRuns(entry({}), (id) => `V-${id}`)).toBe("V-v1");
    expect(revisionRuns(entry({ vehicles: [] }), (id) => id)).toBe("—");
  });
});
