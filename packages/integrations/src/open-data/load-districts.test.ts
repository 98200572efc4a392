import { describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadDistricts } from "./load-districts";
import { loadLsoas } from "./load-lsoas";
import { inRing } from "./test-helpers";
import { DEMO_AREA_BBOX, DEMO_DISTRICT_CODES, type District, type GeoPoint } from "./types";

const districts = await loadDistricts(defaultDataDir());

function contains(d: District, p: GeoPoint): boolean {
  const polygons =
    d.geometry.type === "Polygon" ? [d.geometry.coordinates] : d.geometry.coordinates;
  return polygons.some(([outer, ...holes]) => {
    if (!outer || !inRing(p, outer)) return false;
    return !holes.some((h) => inRing(p, h));
  });
}

describe("loadDistricts", () => {
  it("loads the six districts", () => {
    expect(districts.map((d) => d.code).sort()).toEqual([...DEMO_DISTRICT_CODES].sort());
  });

  it("keeps every outline vertex inside the demo box", () => {
    const b = DEMO_AREA_BBOX;
    for (const d of districts) {
      const rings =
        d.geometry.type === "Polygon" ? d.geometry.coordinates : d.geometry.coordinates.flat();
      for (const [lon, lat] of rings.flat()) {
        expect(lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat).toBe(true);
      }
    }
  });

  it("contains almost every LSOA centroid in its own district", async () => {
    const lsoas = await loadLsoas(defaultDataDir());
    const byCode = new Map(districts.map((d) => [d.code, d]));
    const misplaced = lsoas.filter((l) => {
      const d = byCode.get(l.districtCode);
      return d === undefined || !contains(d, l);
    });
    expect(misplaced.length / lsoas.length).toBeLessThan(0.03);
  });
});
