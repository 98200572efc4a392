import { describe, expect, it } from "vitest";
import { figureCells, percent, reasonLabel, reasonRows } from "./journey-words";

describe("completed journeys in words", () => {
  it("puts rates, reasons and counts in words", () => {
    expect(percent(0.8756)).toBe("87.6%");
    expect(percent(null)).toBe("—");
    expect(reasonLabel("not-at-pickup")).toBe("Nobody at the pick-up point");
    expect(reasonLabel("appointment-cancelled-by-hospital")).toBe(
      "Appointment cancelled by the hospital",
    );
    expect(reasonRows({ unwell: 1, "not-at-pickup": 3 })).toEqual([
      ["Nobody at the pick-up point", 3],
      ["Too unwell to travel", 1],
    ]);
    const f = {
      key: "drt",
      journeys: 10,
      completed: 8,
      timed: 8,
      onTime: 7,
      onTimeRate: 0.875,
      noShows: 1,
      cancelled: 1,
      overRideLimit: 0,
    };
    expect(figureCells(f)).toEqual(["10", "8", "87.5% of 8", "1", "1", "0"]);
  });
});
