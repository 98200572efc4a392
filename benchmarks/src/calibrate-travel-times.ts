/**
 * Calibrates the geometric travel-time model against the SAMueL drive-time matrix and writes
 * `data/travel/urban-rural-points.csv` and `benchmarks/results/travel-time-calibration.json`.
 *
 *   npx tsx benchmarks/src/calibrate-travel-times.ts [sharedDataDir]
 *
 * Protocol: trips up to 100 km great-circle; origins split 70/30 into train/test by a hash of
 * the 2011 LSOA code; weighted least squares (weight 1/t) for each candidate end-stretch length;
 * the length with the lowest training loss wins. Figures are for the shipped constants.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AREA_CODE,
  createUrbanRuralIndex,
  FITTED_GEOMETRIC_PARAMS,
  type GeometricModelParams,
  geometricMinutes,
  greatCircleKm,
  type UrbanRuralPoint,
} from "@tt/integrations";
import { parse } from "csv-parse/sync";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const shared = resolve(process.argv[2] ?? join(root, "../shared/data"));
const MAX_FIT_KM = 100;
const END_KM_CANDIDATES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15];
const TEST_SHARE = 3; // out of 10

type Row = Record<string, string>;
const readCsv = (file: string): Row[] =>
  parse(readFileSync(join(shared, file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });

interface Sample {
  km: number;
  minutes: number;
  areaO: number;
  areaD: number;
  test: boolean;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** One point per 2021 LSOA centroid; urban when most of its 2011 parent LSOAs are "Urban" (C1). */
function deriveUrbanRuralPoints(lookup: Row[], ruc: Map<string, string>): Row[] {
  const parents = new Map<string, string[]>();
  for (const r of lookup)
    parents.set(r.LSOA21CD!, [...(parents.get(r.LSOA21CD!) ?? []), r.LSOA11CD!]);
  return readCsv("lsoa2021_population_weighted_centroids.csv")
    .map((c) => {
      const codes = (parents.get(c.LSOA21CD!) ?? []).map((p) => ruc.get(p) ?? "");
      const urban = codes.filter((k) => k.startsWith("C")).length * 2 >= codes.length;
      const lat = Number(c.lat_wgs84).toFixed(6);
      const lon = Number(c.lon_wgs84).toFixed(6);
      return {
        lsoa21cd: c.LSOA21CD!,
        lsoa21nm: c.LSOA21NM!,
        lat,
        lon,
        ruc11cd: codes.join("|"),
        area: urban ? "urban" : "rural",
      };
    })
    .sort((a, b) => a.lsoa21cd.localeCompare(b.lsoa21cd));
}

function writePointsCsv(rows: Row[]): void {
  const header = "lsoa21cd,lsoa21nm,lat,lon,ruc11cd,area";
  const lines = rows.map((r) =>
    [r.lsoa21cd, `"${r.lsoa21nm}"`, r.lat, r.lon, r.ruc11cd, r.area].join(","),
  );
  writeFileSync(
    join(root, "data/travel/urban-rural-points.csv"),
    `${[header, ...lines].join("\n")}\n`,
  );
}

function loadSamples(): { samples: Sample[]; points: number } {
  const lookup = readCsv("lookup_lsoa2011_lsoa2021_lad2022.csv");
  const ruc = new Map(
    readCsv("lsoa2011_rural_urban_classification.csv").map((r) => [r.LSOA11CD!, r.RUC11CD!]),
  );
  const pointRows = deriveUrbanRuralPoints(lookup, ruc);
  writePointsCsv(pointRows);
  const points: UrbanRuralPoint[] = pointRows.map((r) => ({
    lat: Number(r.lat),
    lon: Number(r.lon),
    urban: r.area === "urban",
  }));
  const index = createUrbanRuralIndex(points);
  const centroid = new Map(
    pointRows.map((r) => [r.lsoa21cd!, { lat: Number(r.lat), lon: Number(r.lon) }]),
  );
  const byName = new Map(lookup.map((r) => [r.LSOA11NM!, r]));
  const units = new Map(
    readCsv("stroke_units_2022.csv").map((u) => [
      u.Postcode!,
      { lat: Number(u.lat), lon: Number(u.long) },
    ]),
  );
  const samples: Sample[] = [];
  for (const row of readCsv("travel_time_lsoa2011_to_stroke_units_minutes.csv")) {
    const l = byName.get(row.LSOA!);
    const origin = l && centroid.get(l.LSOA21CD!);
    if (!l || !origin) throw new Error(`no centroid for 2011 LSOA ${row.LSOA}`);
    const areaO = AREA_CODE[index.classify(origin)];
    const test = fnv1a(l.LSOA11CD!) % 10 < TEST_SHARE;
    for (const [postcode, value] of Object.entries(row)) {
      const unit = units.get(postcode);
      if (postcode === "LSOA" || !unit || value === "") continue;
      samples.push({
        km: greatCircleKm(origin, unit),
        minutes: Number(value),
        areaO,
        areaD: AREA_CODE[index.classify(unit)],
        test,
      });
    }
  }
  return { samples, points: points.length };
}

/** Feature row: [access ramp, end km by area (urban, rural, unknown), trunk km]. */
function features(s: Sample, endKm: number, rampKm: number): number[] {
  const e = Math.min(s.km / 2, endKm);
  const f = [Math.min(1, s.km / rampKm), 0, 0, 0, s.km - 2 * e];
  f[1 + s.areaO]! += e;
  f[1 + s.areaD]! += e;
  return f;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c]![c] === 0) continue;
      const k = m[r]![c]! / m[c]![c]!;
      for (let k2 = c; k2 <= n; k2++) m[r]![k2]! -= k * m[c]![k2]!;
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!));
}

/** Weighted least squares (weight 1/t); returns coefficients and the weighted loss. */
function fitWls(train: Sample[], endKm: number, rampKm: number): { beta: number[]; loss: number } {
  const k = 5;
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (const s of train) {
    const f = features(s, endKm, rampKm);
    const w = 1 / s.minutes;
    for (let i = 0; i < k; i++) {
      xty[i]! += w * f[i]! * s.minutes;
      for (let j = 0; j < k; j++) xtx[i]![j]! += w * f[i]! * f[j]!;
    }
  }
  const beta = solve(xtx, xty);
  let loss = 0;
  for (const s of train) {
    const f = features(s, endKm, rampKm);
    const err = f.reduce((acc, v, i) => acc + v * beta[i]!, 0) - s.minutes;
    loss += (err * err) / s.minutes;
  }
  return { beta, loss };
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const round = (v: number, dp: number): number => Number(v.toFixed(dp));

function errorStats(samples: Sample[], predict: (s: Sample) => number) {
  const abs = samples.map((s) => Math.abs(predict(s) - s.minutes)).sort((a, b) => a - b);
  const pct = samples
    .map((s) => (100 * Math.abs(predict(s) - s.minutes)) / s.minutes)
    .sort((a, b) => a - b);
  const bias =
    samples.reduce((acc, s) => acc + predict(s) - s.minutes, 0) / Math.max(1, samples.length);
  return {
    cells: samples.length,
    medianAbsMinutes: round(quantile(abs, 0.5), 2),
    p90AbsMinutes: round(quantile(abs, 0.9), 2),
    medianAbsPercent: round(quantile(pct, 0.5), 1),
    p90AbsPercent: round(quantile(pct, 0.9), 1),
    meanBiasMinutes: round(bias, 2),
  };
}

function toParams(beta: number[], endKm: number): GeometricModelParams {
  return {
    ...FITTED_GEOMETRIC_PARAMS,
    accessMinutes: beta[0]!,
    endKm,
    endMinPerKm: [beta[1]!, beta[2]!, beta[3]!],
    trunkMinPerKm: beta[4]!,
  };
}

function evaluate(samples: Sample[], params: GeometricModelParams) {
  const p = (s: Sample) => geometricMinutes(s.km, s.areaO, s.areaD, params);
  const band = (lo: number, hi: number) =>
    errorStats(
      samples.filter((s) => s.km >= lo && s.km < hi),
      p,
    );
  return {
    testUpTo100Km: band(0, MAX_FIT_KM),
    test0To20Km: band(0, 20),
    test20To50Km: band(20, 50),
    test50To100Km: band(50, MAX_FIT_KM),
    test100To300KmOutOfFitRange: band(MAX_FIT_KM, 300),
  };
}

function main(): void {
  const { samples, points } = loadSamples();
  const inRange = samples.filter((s) => s.km < MAX_FIT_KM);
  const train = inRange.filter((s) => !s.test);
  const rampKm = FITTED_GEOMETRIC_PARAMS.accessRampKm;
  const fits = END_KM_CANDIDATES.map((endKm) => ({ endKm, ...fitWls(train, endKm, rampKm) }));
  const best = fits.reduce((a, b) => (b.loss < a.loss ? b : a));
  const fitted = toParams(best.beta, best.endKm);
  const test = samples.filter((s) => s.test);
  const baseline = fitWls(train, 0, rampKm); // endKm 0: one pace for the whole trip
  const result = {
    command: "npx tsx benchmarks/src/calibrate-travel-times.ts",
    reference:
      "SAMueL calibrated drive times, 2011 LSOAs in Cambridgeshire & Peterborough to acute stroke units (minutes)",
    protocol: {
      maxFitKm: MAX_FIT_KM,
      split: "by origin LSOA, FNV-1a(LSOA11CD) % 10 < 3 is test",
      weights: "1/t",
      endKmCandidates: END_KM_CANDIDATES,
    },
    counts: {
      urbanRuralPoints: points,
      cells: samples.length,
      trainCells: train.length,
      testCellsUpTo100Km: inRange.length - train.length,
    },
    fitted: {
      ...fitted,
      trainingLossByEndKm: fits.map((f) => ({ endKm: f.endKm, loss: round(f.loss, 1) })),
    },
    shipped: FITTED_GEOMETRIC_PARAMS,
    shippedTestErrors: evaluate(test, FITTED_GEOMETRIC_PARAMS),
    fittedTestErrors: evaluate(test, fitted),
    baselineOnePaceTestErrors: evaluate(test, toParams(baseline.beta, 0)),
  };
  writeFileSync(
    join(root, "benchmarks/results/travel-time-calibration.json"),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify({ fitted: result.fitted, counts: result.counts }, null, 2));
  console.table(result.shippedTestErrors);
  console.log("one-pace baseline:");
  console.table(result.baselineOnePaceTestErrors);
}

main();
