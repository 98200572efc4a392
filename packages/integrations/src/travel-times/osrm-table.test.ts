import { describe, expect, it } from "vitest";
import { buildTableUrl, planTableChunks } from "./osrm-table";

const pts = (count: number) =>
  Array.from({ length: count }, (_, k) => ({ lat: 52 + k / 1000, lon: k / 1000 }));

describe("planTableChunks", () => {
  it.each([
    [0, undefined, 10],
    [7, undefined, 10],
    [23, undefined, 10],
    [5, 31, 10],
    [31, 5, 7],
    [3, 0, 4],
  ] as const)("covers %i × %s with max %i exactly once", (n, m, max) => {
    const origins = pts(n);
    const destinations = m === undefined ? undefined : pts(m);
    const width = destinations?.length ?? n;
    const hits = new Uint8Array(n * width);
    for (const c of planTableChunks(origins, destinations, max)) {
      expect(c.request.coordinates.length).toBeLessThanOrEqual(max);
      for (let i = 0; i < c.originCount; i++) {
        for (let j = 0; j < c.destinationCount; j++)
          hits[(c.originStart + i) * width + c.destinationStart + j]! += 1;
      }
    }
    expect(hits.every((h) => h === 1)).toBe(true);
  });

  it("sends a square request that fits as one all-to-all request", () => {
    const [only, ...rest] = planTableChunks(pts(4), undefined, 4);
    expect(rest).toEqual([]);
    expect(only?.request.sources).toBeUndefined();
  });
});

describe("buildTableUrl", () => {
  it("puts lon before lat, 6 decimals, and the sources/destinations indices", () => {
    const url = buildTableUrl("http://osrm.local:5000/", "driving", {
      coordinates: [
        { lat: 52.1, lon: 0.1234567 },
        { lat: 52.2, lon: -0.2 },
      ],
      sources: [0],
      destinations: [1],
    });
    expect(url).toBe(
      "http://osrm.local:5000/table/v1/driving/0.123457,52.100000;-0.200000,52.200000" +
        "?annotations=duration,distance&sources=0&destinations=1",
    );
  });
});
