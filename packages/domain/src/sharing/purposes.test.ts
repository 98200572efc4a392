import { describe, expect, it } from "vitest";
import {
  DATA_ITEM_DESCRIPTIONS,
  DATA_ITEMS,
  SHARING_PURPOSES,
  SHARING_PURPOSES_VERSION,
} from "./purposes";

describe("sharing purposes and data items", () => {
  it("is version 1 of the purpose list", () => {
    expect(SHARING_PURPOSES_VERSION).toBe(1);
    expect(new Set(SHARING_PURPOSES).size).toBe(SHARING_PURPOSES.length);
  });

  it("describes every data item in one line", () => {
    expect(Object.keys(DATA_ITEM_DESCRIPTIONS).sort()).toEqual([...DATA_ITEMS].sort());
    for (const item of DATA_ITEMS) {
      expect(DATA_ITEM_DESCRIPTIONS[item].length).toBeGreaterThan(10);
      expect(DATA_ITEM_DESCRIPTIONS[item]).not.toMatch(/\n/);
    }
  });

  it("keeps diagnoses out of travel needs", () => {
    expect(DATA_ITEM_DESCRIPTIONS["travel-needs"]).toMatch(/without any diagnosis/);
    expect(DATA_ITEM_DESCRIPTIONS["health-detail"]).toMatch(/Diagnoses/);
  });
});
