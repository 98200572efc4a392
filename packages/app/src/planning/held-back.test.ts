import type { Request } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { type HeldBack, heldBackNote } from "./held-back";

const request = (fields: Partial<Request> = {}): Request => ({
  id: "t1",
  pickup: { location: 0, window: [480, 510], service: 1 },
  dropoff: { location: 1, window: [490, 560], service: 1 },
  load: [1, 1],
  maxRideTime: { absolute: 60 },
  ...fields,
});

const minibus = (fields: Partial<HeldBack> = {}): HeldBack => ({
  reference: "FM-01",
  features: ["tail-lift", "step-free"],
  layouts: [[8, 1]],
  shift: [420, 1080],
  why: "MOT certificate M1 expired on 2026-09-02",
  ...fields,
});

describe("held-back vehicles in the planner's reasons", () => {
  it("names the held-back vehicles that could carry the trip, and why they were held back", () => {
    const note = heldBackNote(request({ features: ["step-free"] }), [
      minibus(),
      minibus({ reference: "FM-02", features: [] }),
      minibus({ reference: "FM-03", layouts: [[8, 0]] }),
      minibus({ reference: "FM-04", shift: [600, 1080] }),
    ]);
    expect(note).toBe(
      "Held back for a lapsed compliance document, and able to carry it: FM-01 (MOT certificate M1 expired on 2026-09-02).",
    );
  });

  it("says nothing when none of them could", () => {
    expect(heldBackNote(request(), [minibus({ layouts: [[0, 1]] })])).toBeUndefined();
    expect(heldBackNote(request(), [])).toBeUndefined();
  });

  it("names three and counts the rest", () => {
    const held = ["A", "B", "C", "D", "E"].map((r) => minibus({ reference: r, why: "x" }));
    expect(heldBackNote(request(), held)).toBe(
      "Held back for a lapsed compliance document, and able to carry it: A (x), B (x), C (x) and 2 more.",
    );
  });
});
