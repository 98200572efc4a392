import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_URBAN_RURAL_POINTS_PATH } from "./create-provider";
import {
  classifyAll,
  createUrbanRuralIndex,
  loadUrbanRuralPoints,
  parseUrbanRuralCsv,
} from "./urban-rural-index";

describe("urban/rural index", () => {
  const index = createUrbanRuralIndex(
    [
      { lat: 52.2, lon: 0.12, urban: true },
      { lat: 52.2, lon: 0.2, urban: false },
      { lat: 51.5, lon: -0.049, urban: false }, // across the 0° meridian and a cell edge
    ],
    6,
  );

  it("takes the class of the nearest point", () => {
    expect(index.classify({ lat: 52.2, lon: 0.15 })).toBe("urban");
    expect(index.classify({ lat: 52.21, lon: 0.17 })).toBe("rural");
    expect(index.classify({ lat: 51.5, lon: 0.01 })).toBe("rural");
  });

  it("says unknown beyond the coverage radius or for invalid points", () => {
    expect(index.classify({ lat: 52.2, lon: 0.28 })).toBe("rural"); // 5.5 km east of the rural point
    expect(index.classify({ lat: 52.2, lon: 0.3 })).toBe("unknown"); // 6.8 km east
    expect(index.classify({ lat: 53, lon: 0.12 })).toBe("unknown");
    expect(index.classify({ lat: Number.NaN, lon: 0 })).toBe("unknown");
  });

  it("codes a list of points", () => {
    expect(
      Array.from(
        classifyAll(index, [
          { lat: 52.2, lon: 0.12 },
          { lat: 10, lon: 10 },
        ]),
      ),
    ).toEqual([0, 2]);
  });

  it("parses the CSV and names the bad row", () => {
    const csv =
      "lsoa21cd,lsoa21nm,lat,lon,ruc11cd,area\nE1,x,52.1,0.1,C1,urban\nE2,y,52.2,0.2,D1,suburban\n";
    expect(() => parseUrbanRuralCsv(csv, "pts.csv")).toThrow(/pts\.csv row 3/);
    expect(parseUrbanRuralCsv("lat,lon,area\n52,0,rural\n")).toEqual([
      { lat: 52, lon: 0, urban: false },
    ]);
  });
});

describe.skipIf(!existsSync(DEFAULT_URBAN_RURAL_POINTS_PATH))("shipped urban/rural points", () => {
  it("covers the demo area's 483 LSOAs and classifies known places", async () => {
    const points = await loadUrbanRuralPoints(DEFAULT_URBAN_RURAL_POINTS_PATH);
    expect(points).toHaveLength(483);
    const index = createUrbanRuralIndex(points);
    expect(index.classify({ lat: 52.2053, lon: 0.1218 })).toBe("urban"); // Cambridge centre
    expect(index.classify({ lat: 52.5735, lon: -0.2425 })).toBe("urban"); // Peterborough centre
    expect(index.classify({ lat: 55.9533, lon: -3.1883 })).toBe("unknown"); // Edinburgh
  });
});
