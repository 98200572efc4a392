/**
 * Fitting and scoring the geometric model against a reference matrix (pure functions).
 * Driven by `benchmarks/src/calibrate-travel-times.ts`; protocol in docs/travel-times.md.
 */
import {
  FITTED_GEOMETRIC_PARAMS,
  type GeometricModelParams,
  geometricMinutes,
} from "./geometric-model";

/** One reference cell: great-circle km, reference minutes, end area codes, and its origin's key. */
export interface CalibrationSample {
  readonly originKey: string;
  readonly km: number;
  readonly minutes: number;
  readonly areaO: number;
  readonly areaD: number;
}

export interface ErrorStats {
  readonly cells: number;
  readonly medianAbsMinutes: number;
  readonly p90AbsMinutes: number;
  readonly medianAbsPercent: number;
  readonly p90AbsPercent: number;
  readonly meanBiasMinutes: number;
}

/** 32-bit FNV-1a hash, for a split that does not depend on row order. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Holds out whole origins: an origin is test when `fnv1a(originKey) % 10 < testTenths`. */
export function isTestOrigin(originKey: string, testTenths = 3): boolean {
  return fnv1a(originKey) % 10 < testTenths;
}

/** Feature row of the linear model: [access ramp, end km urban, rural, unknown, trunk km]. */
function features(s: CalibrationSample, endKm: number, rampKm: number): number[] {
  const e = Math.min(s.km / 2, endKm);
  const f = [Math.min(1, s.km / rampKm), 0, 0, 0, s.km - 2 * e];
  f[1 + s.areaO]! += e;
  f[1 + s.areaD]! += e;
  return f;
}

/** Solves a small dense system by Gauss-Jordan with partial pivoting; a zero pivot gives 0. */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r]![c]! / pivot;
      for (let col = c; col <= n; col++) m[r]![col]! -= k * m[c]![col]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/** Weighted least squares (weight 1/t) for one end-stretch length. */
export function fitForEndKm(
  train: readonly CalibrationSample[],
  endKm: number,
  base: GeometricModelParams = FITTED_GEOMETRIC_PARAMS,
): { params: GeometricModelParams; loss: number } {
  const k = 5;
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (const s of train) {
    const f = features(s, endKm, base.accessRampKm);
    for (let i = 0; i < k; i++) {
      xty[i]! += f[i]!; // w · f · t with w = 1/t
      for (let j = 0; j < k; j++) xtx[i]![j]! += (f[i]! * f[j]!) / s.minutes;
    }
  }
  const beta = solveLinear(xtx, xty);
  const params: GeometricModelParams = {
    ...base,
    accessMinutes: beta[0]!,
    endKm,
    endMinPerKm: [beta[1]!, beta[2]!, beta[3]!],
    trunkMinPerKm: beta[4]!,
  };
  let loss = 0;
  for (const s of train) loss += (predict(s, params) - s.minutes) ** 2 / s.minutes;
  return { params, loss };
}

/** Fits every candidate end-stretch length and keeps the one with the lowest training loss. */
export function fitGeometricModel(
  train: readonly CalibrationSample[],
  endKmCandidates: readonly number[],
  base: GeometricModelParams = FITTED_GEOMETRIC_PARAMS,
): { params: GeometricModelParams; lossByEndKm: { endKm: number; loss: number }[] } {
  const fits = endKmCandidates.map((endKm) => ({ endKm, ...fitForEndKm(train, endKm, base) }));
  const best = fits.reduce((a, b) => (b.loss < a.loss ? b : a));
  return { params: best.params, lossByEndKm: fits.map(({ endKm, loss }) => ({ endKm, loss })) };
}

const predict = (s: CalibrationSample, params: GeometricModelParams): number =>
  geometricMinutes(s.km, s.areaO, s.areaD, params);

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

const round = (v: number, dp: number): number => Number(v.toFixed(dp));

/** Median and 90th-percentile absolute error (minutes and % of the reference) and mean bias. */
export function errorStats(
  samples: readonly CalibrationSample[],
  params: GeometricModelParams,
): ErrorStats {
  const errors = samples.map((s) => predict(s, params) - s.minutes);
  const abs = errors.map(Math.abs).sort((a, b) => a - b);
  const pct = errors.map((e, i) => (100 * Math.abs(e)) / samples[i]!.minutes).sort((a, b) => a - b);
  const bias = errors.reduce((acc, e) => acc + e, 0) / Math.max(1, errors.length);
  return {
    cells: samples.length,
    medianAbsMinutes: round(quantile(abs, 0.5), 2),
    p90AbsMinutes: round(quantile(abs, 0.9), 2),
    medianAbsPercent: round(quantile(pct, 0.5), 1),
    p90AbsPercent: round(quantile(pct, 0.9), 1),
    meanBiasMinutes: round(bias, 2),
  };
}

/** Error statistics for great-circle distance bands `[lo, hi)` in km. */
export function errorsByBand(
  samples: readonly CalibrationSample[],
  params: GeometricModelParams,
  bands: readonly (readonly [number, number])[],
): Record<string, ErrorStats> {
  const out: Record<string, ErrorStats> = {};
  for (const [lo, hi] of bands) {
    out[`${lo}-${hi} km`] = errorStats(
      samples.filter((s) => s.km >= lo && s.km < hi),
      params,
    );
  }
  return out;
}
