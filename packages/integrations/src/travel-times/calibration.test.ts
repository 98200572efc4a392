import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type CalibrationSample,
  errorStats,
  fitGeometricModel,
  isTestOrigin,
  solveLinear,
} from "./calibration";
import {
  deriveUrbanRuralRows,
  formatUrbanRuralCsv,
  readCalibrationSamples,
} from "./calibration-data";
import { DEFAULT_URBAN_RURAL_POINTS_PATH } from "./create-provider";
import {
  FITTED_GEOMETRIC_PARAMS,
  type GeometricModelParams,
  geometricMinutes,
} from "./geometric-model";

const SHARED = fileURLToPath(new URL("../../../../../shared/data", import.meta.url));

function syntheticSamples(params: GeometricModelParams, count: number): CalibrationSample[] {
  return Array.from({ length: count }, (_, k) => {
    const km = 0.6 + ((k * 37) % 997) / 10;
    const areaO = k % 3;
    const areaD = (k * 7) % 3;
    return {
      originKey: `o${k}`,
      km,
      minutes: geometricMinutes(km, areaO, areaD, params),
      areaO,
      areaD,
    };
  });
}

describe("calibration", () => {
  it("recovers the parameters that generated noise-free samples", () => {
    const truth: GeometricModelParams = {
      ...FITTED_GEOMETRIC_PARAMS,
      accessMinutes: 5,
      endKm: 3,
      endMinPerKm: [1.5, 2, 1.2],
      trunkMinPerKm: 0.9,
    };
    const fit = fitGeometricModel(syntheticSamples(truth, 600), [1, 3, 6]);
    expect(fit.params.endKm).toBe(3);
    expect(fit.params.accessMinutes).toBeCloseTo(5, 6);
    expect(fit.params.endMinPerKm[1]).toBeCloseTo(2, 6);
    expect(fit.params.trunkMinPerKm).toBeCloseTo(0.9, 6);
  });

  it("solves a small linear system", () => {
    expect(
      solveLinear(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      ).map((v) => Number(v.toFixed(9))),
    ).toEqual([0.8, 1.4]);
  });

  it("scores median and 90th percentile errors", () => {
    const params = FITTED_GEOMETRIC_PARAMS;
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((off) => {
      const s = { originKey: "x", km: 20, areaO: 0, areaD: 0, minutes: 0 };
      return { ...s, minutes: geometricMinutes(20, 0, 0, params) + off };
    });
    const stats = errorStats(samples, params);
    expect(stats.medianAbsMinutes).toBe(6);
    expect(stats.p90AbsMinutes).toBe(10);
    expect(stats.meanBiasMinutes).toBe(-5.5);
  });

  it("holds out about 30% of origins, the same ones every time", () => {
    const keys = Array.from({ length: 1000 }, (_, k) => `E0${100000 + k}`);
    const held = keys.filter((k) => isTestOrigin(k)).length;
    expect(held).toBeGreaterThan(250);
    expect(held).toBeLessThan(350);
    expect(keys.filter((k) => isTestOrigin(k)).length).toBe(held);
  });
});

describe.skipIf(!existsSync(SHARED))("calibration against the shared reference matrix", () => {
  it("ships an urban/rural points file identical to the one derived from the sources", async () => {
    const rows = await deriveUrbanRuralRows(SHARED);
    expect(formatUrbanRuralCsv(rows)).toBe(readFileSync(DEFAULT_URBAN_RURAL_POINTS_PATH, "utf8"));
  });

  it("keeps the shipped constants' held-out error within the published figures", async () => {
    const samples = await readCalibrationSamples(SHARED, await deriveUrbanRuralRows(SHARED));
    expect(samples).toHaveLength(60875);
    const test = samples.filter((s) => isTestOrigin(s.originKey) && s.km < 100);
    const stats = errorStats(test, FITTED_GEOMETRIC_PARAMS);
    expect(stats.medianAbsMinutes).toBeLessThanOrEqual(3.7);
    expect(stats.p90AbsMinutes).toBeLessThanOrEqual(9.8);
  });
});
