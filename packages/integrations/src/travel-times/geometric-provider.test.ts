import type { LatLon } from "@tt/app";
import { describeTravelTimeContract } from "@tt/testkit";
import { describe, expect, it } from "vitest";
import { loadGeometricProvider } from "./create-provider";
import { greatCircleKm } from "./geo";
import { AREA_CODE, FITTED_GEOMETRIC_PARAMS, geometricMinutes } from "./geometric-model";
import { createGeometricProvider } from "./geometric-provider";
import { createUrbanRuralIndex } from "./urban-rural-index";

/** Deterministic pseudo-random points over Cambridgeshire & Peterborough. */
function areaPoints(count: number, seed = 7): LatLon[] {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  return Array.from({ length: count }, () => ({
    lat: 52.0 + next() * 0.75,
    lon: -0.5 + next() * 0.9,
  }));
}

const shipped = loadGeometricProvider();
describeTravelTimeContract("geometric (shipped urban/rural points)", () => shipped, {
  symmetryTolerance: 0,
});
describeTravelTimeContract("geometric (no urban/rural points)", () => createGeometricProvider(), {
  points: areaPoints(12),
  largeInput: areaPoints(600, 11),
  symmetryTolerance: 0,
  triangleSlack: 1,
});

const CAMBRIDGE = { lat: 52.2053, lon: 0.1218 };
const PETERBOROUGH = { lat: 52.5735, lon: -0.2425 };
const EDINBURGH = { lat: 55.9533, lon: -3.1883 };

describe("geometric provider", () => {
  it("computes each cell with the documented formula", async () => {
    const index = createUrbanRuralIndex([
      { ...CAMBRIDGE, urban: true },
      { lat: 52.45, lon: 0.05, urban: false },
    ]);
    const provider = createGeometricProvider({ urbanRural: index });
    const village = { lat: 52.451, lon: 0.051 };
    const m = await provider.matrix([CAMBRIDGE], [village, EDINBURGH]);
    const p = FITTED_GEOMETRIC_PARAMS;
    const km = greatCircleKm(CAMBRIDGE, village);
    expect(m.durations[0]! / 60).toBeCloseTo(
      geometricMinutes(km, AREA_CODE.urban, AREA_CODE.rural, p),
      9,
    );
    expect(m.distances[0]! / 1000).toBeCloseTo(km * p.circuity, 6);
    const kmFar = greatCircleKm(CAMBRIDGE, EDINBURGH);
    expect(m.durations[1]! / 60).toBeCloseTo(
      geometricMinutes(kmFar, AREA_CODE.urban, AREA_CODE.unknown, p),
      9,
    );
  });

  it("gives Cambridge to Peterborough a plausible drive time", async () => {
    const m = await (await shipped).matrix([CAMBRIDGE], [PETERBOROUGH]);
    expect(m.durations[0]! / 60).toBeGreaterThan(40);
    expect(m.durations[0]! / 60).toBeLessThan(70);
  });

  it("ramps the access time to zero for co-located stops", () => {
    const p = FITTED_GEOMETRIC_PARAMS;
    expect(geometricMinutes(0, 0, 0, p)).toBe(0);
    expect(geometricMinutes(p.accessRampKm / 2, 0, 0, p)).toBeCloseTo(
      p.accessMinutes / 2 + (p.accessRampKm / 2) * p.endMinPerKm[0],
      9,
    );
    expect(geometricMinutes(1, 0, 0, p)).toBeLessThan(geometricMinutes(2, 0, 0, p));
  });

  it("works for points anywhere in the world, including outside the demo area", async () => {
    const m = await (await shipped).matrix([
      EDINBURGH,
      { lat: 0, lon: 0 },
      { lat: -33.9, lon: 151.2 },
    ]);
    expect(Array.from(m.durations).every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it("rejects invalid coordinates and invalid parameters", async () => {
    await expect(createGeometricProvider().matrix([{ lat: 91, lon: 0 }])).rejects.toThrow(
      /point 0/,
    );
    await expect(createGeometricProvider().matrix([{ lat: Number.NaN, lon: 0 }])).rejects.toThrow();
    const params = { ...FITTED_GEOMETRIC_PARAMS, trunkMinPerKm: 0 };
    expect(() => createGeometricProvider({ params })).toThrow(/trunkMinPerKm/);
  });
});
