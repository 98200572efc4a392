import { describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadLsoas } from "./load-lsoas";
import { insideDemoBox, unique } from "./test-helpers";
import { DEMO_DISTRICT_CODES } from "./types";

const lsoas = await loadLsoas(defaultDataDir());

/** Mid-2017 totals of the six districts, from the ONS rows in the population source file. */
const DISTRICT_POPULATION_2017: Readonly<Record<string, number>> = {
  E06000031: 198_914,
  E07000008: 124_919,
  E07000009: 88_858,
  E07000010: 100_776,
  E07000011: 176_979,
  E07000012: 156_705,
};

describe("loadLsoas", () => {
  it("has one row per 2021 LSOA, covering every 2011 LSOA once", () => {
    expect(lsoas.length).toBe(483);
    expect(unique(lsoas.map((l) => l.code))).toBe(true);
    const codes11 = lsoas.flatMap((l) => l.lsoa11Codes);
    expect(codes11.length).toBe(487);
    expect(unique(codes11)).toBe(true);
    for (const l of lsoas.filter((x) => x.mapping === "merged")) {
      expect(l.lsoa11Codes.length).toBeGreaterThan(1);
    }
  });

  it("keeps every population-weighted centroid in the demo area", () => {
    expect(lsoas.filter((l) => !insideDemoBox(l)).map((l) => l.code)).toEqual([]);
  });

  it("adds up to the published district populations", () => {
    for (const code of DEMO_DISTRICT_CODES) {
      const total = lsoas
        .filter((l) => l.districtCode === code)
        .reduce((s, l) => s + l.population, 0);
      expect(total, code).toBe(DISTRICT_POPULATION_2017[code]);
    }
  });

  it("has sane deprivation and rurality values", () => {
    for (const l of lsoas) {
      expect(l.population, l.code).toBeGreaterThan(500);
      expect(l.population, l.code).toBeLessThan(10_000);
    }
    const deciles = new Set(lsoas.map((l) => l.income.decile));
    expect(deciles.has(1) || deciles.has(2)).toBe(true);
    expect(deciles.has(10)).toBe(true);
    const rural = lsoas.filter((l) => l.rural).length;
    expect(rural).toBeGreaterThan(100);
    expect(rural).toBeLessThan(lsoas.length - 100);
  });
});
