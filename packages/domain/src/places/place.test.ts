import { describe, expect, it } from "vitest";
import { placeInputSchema } from "./place";

const school = { reference: "S-1", name: "Netherhall", kind: "school", lat: 52.18, lon: 0.16 };

describe("place opening hours", () => {
  it("refuses a place that closes before (or when) it opens, naming closesAt", () => {
    for (const closesAt of ["08:00", "08:45"]) {
      const result = placeInputSchema.safeParse({ ...school, opensAt: "08:45", closesAt });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["closesAt", "closesAt must be after opensAt: a place cannot close before it opens"],
      ]);
    }
  });

  it("accepts hours in order, or either one alone", () => {
    expect(
      placeInputSchema.safeParse({ ...school, opensAt: "08:45", closesAt: "15:30" }).success,
    ).toBe(true);
    expect(placeInputSchema.parse({ ...school, closesAt: "15:30" }).closesAt).toBe("15:30");
    expect(placeInputSchema.parse({ ...school, opensAt: "08:45" }).opensAt).toBe("08:45");
  });
});
