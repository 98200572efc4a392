import { describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadHospitals } from "./load-hospitals";
import { distanceKm, insideDemoBox, unique } from "./test-helpers";
import { DEMO_DISTRICT_CODES } from "./types";

const hospitals = await loadHospitals(defaultDataDir());

describe("loadHospitals", () => {
  const byOds = (code: string) => hospitals.filter((h) => h.odsCode === code);

  it("loads hospitals in and near the area with unique ids", () => {
    expect(hospitals.length).toBeGreaterThanOrEqual(30);
    expect(hospitals.length).toBeLessThanOrEqual(80);
    expect(unique(hospitals.map((h) => h.id))).toBe(true);
  });

  it("keeps in-area sites inside the demo box and the rest within reach of it", () => {
    const inArea = hospitals.filter((h) => h.districtCode !== undefined);
    expect(inArea.length).toBeGreaterThanOrEqual(15);
    for (const h of inArea) {
      expect(DEMO_DISTRICT_CODES).toContain(h.districtCode);
      expect(insideDemoBox(h), h.name).toBe(true);
    }
    for (const h of hospitals) {
      expect(h.lat, h.name).toBeGreaterThan(51.7);
      expect(h.lat, h.name).toBeLessThan(53);
      expect(Math.abs(h.lon), h.name).toBeLessThan(1);
    }
  });

  it("fixes Royal Papworth to the Cambridge Biomedical Campus", () => {
    const [papworth] = byOds("RGM21");
    const [addenbrookes] = byOds("RGT01");
    expect(papworth?.postcode).toBe("CB2 0AY");
    expect(papworth?.coordSource).toBe("corrected_postcode_centroid");
    if (!papworth || !addenbrookes) throw new Error("Papworth or Addenbrooke's missing");
    expect(distanceKm(papworth, addenbrookes)).toBeLessThan(1);
  });

  it("uses the postcode centroid, not the wrong raw longitude, for Doddington", () => {
    const [doddington] = byOds("RYV04");
    expect(doddington?.lon).toBeCloseTo(0.056, 2);
  });

  it("flags only the documented dialysis units, as an assumption", () => {
    const dialysis = hospitals.filter((h) => h.renalDialysis);
    expect(dialysis.map((h) => h.odsCode).sort()).toEqual(["RGN80", "RGN90", "RGT01"]);
    expect(dialysis.every((h) => h.renalDialysisBasis === "assumption")).toBe(true);
  });
});
