/**
 * Calibrates the geometric travel-time model against the SAMueL drive-time matrix and writes
 * `data/travel/urban-rural-points.csv` and `benchmarks/results/travel-time-calibration.json`.
 *
 *   npx tsx benchmarks/src/calibrate-travel-times.ts [sharedDataDir]
 *
 * Protocol (docs/travel-times.md): trips under 100 km great-circle; whole origins held out
 * (FNV-1a of the 2011 LSOA code mod 10 < 3); weighted least squares (weight 1/t) for each
 * candidate end-stretch length, the lowest training loss wins. The published figures are those of
 * the shipped constants (`FITTED_GEOMETRIC_PARAMS`), scored on the held-out origins.
 */
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  deriveUrbanRuralRows,
  errorsByBand,
  FITTED_GEOMETRIC_PARAMS,
  fitForEndKm,
  fitGeometricModel,
  formatUrbanRuralCsv,
  isTestOrigin,
  readCalibrationSamples,
} from "@tt/integrations";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const shared = resolve(process.argv[2] ?? join(root, "../shared/data"));
const MAX_FIT_KM = 100;
const END_KM_CANDIDATES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15];
const BANDS = [
  [0, 100],
  [0, 20],
  [20, 50],
  [50, 100],
  [100, 300],
] as const;

async function main(): Promise<void> {
  const rows = await deriveUrbanRuralRows(shared);
  writeFileSync(join(root, "data/travel/urban-rural-points.csv"), formatUrbanRuralCsv(rows));
  const samples = await readCalibrationSamples(shared, rows);
  const test = samples.filter((s) => isTestOrigin(s.originKey));
  const train = samples.filter((s) => !isTestOrigin(s.originKey) && s.km < MAX_FIT_KM);
  const fit = fitGeometricModel(train, END_KM_CANDIDATES);
  const onePace = fitForEndKm(train, 0).params; // no end stretches: one pace for the whole trip
  const result = {
    command: "npx tsx benchmarks/src/calibrate-travel-times.ts",
    reference:
      "SAMueL calibrated drive times (minutes), 2011 LSOAs in Cambridgeshire & Peterborough to acute stroke units",
    protocol: {
      maxFitKm: MAX_FIT_KM,
      split: "whole origins held out: FNV-1a(LSOA11CD) % 10 < 3 is test",
      weights: "1/t",
      endKmCandidates: END_KM_CANDIDATES,
    },
    counts: {
      urbanRuralPoints: rows.length,
      cells: samples.length,
      trainCells: train.length,
      testCellsUnder100Km: test.filter((s) => s.km < MAX_FIT_KM).length,
    },
    fitted: fit.params,
    trainingLossByEndKm: fit.lossByEndKm.map((l) => ({
      endKm: l.endKm,
      loss: Number(l.loss.toFixed(1)),
    })),
    shipped: FITTED_GEOMETRIC_PARAMS,
    shippedTestErrors: errorsByBand(test, FITTED_GEOMETRIC_PARAMS, BANDS),
    fittedTestErrors: errorsByBand(test, fit.params, BANDS),
    onePaceBaselineTestErrors: errorsByBand(test, onePace, BANDS),
  };
  const out = join(root, "benchmarks/results/travel-time-calibration.json");
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log("fitted parameters:", JSON.stringify(fit.params));
  console.log("counts:", JSON.stringify(result.counts));
  console.log("held-out error, shipped constants:");
  console.table(result.shippedTestErrors);
  console.log("held-out error, one-pace baseline:");
  console.table(result.onePaceBaselineTestErrors);
  console.log(`wrote ${out}`);
}

await main();
