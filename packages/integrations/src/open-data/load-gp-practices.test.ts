import { describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadGpPractices } from "./load-gp-practices";
import { insideDemoBox, unique } from "./test-helpers";
import { DEMO_DISTRICT_CODES } from "./types";

const practices = await loadGpPractices(defaultDataDir());

describe("loadGpPractices", () => {
  it("loads the open practices once each", () => {
    expect(practices.length).toBeGreaterThanOrEqual(80);
    expect(practices.length).toBeLessThanOrEqual(88);
    expect(unique(practices.map((p) => p.odsCode))).toBe(true);
  });

  it("places every practice in one of the six districts", () => {
    expect(practices.filter((p) => !insideDemoBox(p)).map((p) => p.name)).toEqual([]);
    for (const p of practices) expect(DEMO_DISTRICT_CODES).toContain(p.districtCode);
    const everyDistrict = new Set(practices.map((p) => p.districtCode));
    expect(everyDistrict.size).toBe(6);
  });

  it("geocodes almost all practices by postcode", () => {
    const approximate = practices.filter((p) => p.coordSource !== "postcode_centroid");
    expect(approximate.length).toBeLessThanOrEqual(2);
  });
});
