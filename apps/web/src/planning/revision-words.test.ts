import type { PlanRevisionEntryView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { revisionRuns, revisionWhat } from "./revision-words";

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

  it("names the runs by the vehicles' names, or a dash", () => {
    expect(revisionRuns(entry({}), (id) => `V-${id}`)).toBe("V-v1");
    expect(revisionRuns(entry({ vehicles: [] }), (id) => id)).toBe("—");
  });
});
