import type { LatLon, TravelMatrix, TravelTimeProvider } from "@tt/app";
import { formatPoint, TravelTimeError } from "./errors";
import { EARTH_RADIUS_KM, isValidLatLon, toUnitVectors } from "./geo";
import {
  AREA_CODE,
  FITTED_GEOMETRIC_PARAMS,
  type GeometricModelParams,
  validateGeometricParams,
} from "./geometric-model";
import { classifyAll, type UrbanRuralIndex } from "./urban-rural-index";

export interface GeometricProviderOptions {
  /** Classifies trip ends; without it every end is `unknown`. */
  readonly urbanRural?: UrbanRuralIndex;
  /** Model parameters; defaults to {@link FITTED_GEOMETRIC_PARAMS}. */
  readonly params?: GeometricModelParams;
}

interface PreparedPoints {
  readonly n: number;
  readonly xyz: Float64Array;
  /** End pace (minutes per great-circle km) of each point. */
  readonly pace: Float64Array;
}

/** The calibrated straight-line provider: no network, no files at query time, O(n·m) typed arrays. */
export function createGeometricProvider(
  options: GeometricProviderOptions = {},
): TravelTimeProvider {
  const params = options.params ?? FITTED_GEOMETRIC_PARAMS;
  const problems = validateGeometricParams(params);
  if (problems.length > 0) {
    throw new TravelTimeError("invalid-config", `geometric params: ${problems.join("; ")}`);
  }
  const prepare = (points: readonly LatLon[]): PreparedPoints => {
    assertValidPoints(points);
    const areas = options.urbanRural
      ? classifyAll(options.urbanRural, points)
      : new Uint8Array(points.length).fill(AREA_CODE.unknown);
    const pace = new Float64Array(points.length);
    for (let i = 0; i < points.length; i++) pace[i] = params.endMinPerKm[areas[i]!] ?? 0;
    return { n: points.length, xyz: toUnitVectors(points), pace };
  };
  return {
    name: "geometric",
    matrix: async (origins, destinations) => {
      const o = prepare(origins);
      const d = destinations ? prepare(destinations) : o;
      return fillMatrix(o, d, params, destinations === undefined);
    },
  };
}

function assertValidPoints(points: readonly LatLon[]): void {
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!isValidLatLon(p)) {
      throw new TravelTimeError(
        "invalid-config",
        `point ${i} ${formatPoint(p.lat, p.lon)} is not a valid WGS84 lat/lon`,
      );
    }
  }
}

/**
 * Fills durations (s) and distances (m). Hot loop: no allocation per cell; a square request
 * computes the upper triangle and mirrors it (the model is symmetric). Longer than 40 lines
 * on purpose, to keep the arithmetic inline.
 */
function fillMatrix(
  o: PreparedPoints,
  d: PreparedPoints,
  params: GeometricModelParams,
  square: boolean,
): TravelMatrix {
  const durations = new Float64Array(o.n * d.n);
  const distances = new Float64Array(o.n * d.n);
  const { accessMinutes, accessRampKm, endKm, trunkMinPerKm, circuity } = params;
  const twoR = 2 * EARTH_RADIUS_KM;
  const metresPerKm = 1000 * circuity;
  for (let i = 0; i < o.n; i++) {
    const xi = o.xyz[i * 3]!;
    const yi = o.xyz[i * 3 + 1]!;
    const zi = o.xyz[i * 3 + 2]!;
    const paceI = o.pace[i]!;
    const row = i * d.n;
    for (let j = square ? i + 1 : 0; j < d.n; j++) {
      const dx = xi - d.xyz[j * 3]!;
      const dy = yi - d.xyz[j * 3 + 1]!;
      const dz = zi - d.xyz[j * 3 + 2]!;
      const half = Math.sqrt(dx * dx + dy * dy + dz * dz) / 2;
      const km = twoR * Math.asin(Math.min(half, 1));
      let minutes = 0;
      if (km > 0) {
        const e = Math.min(km / 2, endKm);
        const ramp = km < accessRampKm ? km / accessRampKm : 1;
        minutes = accessMinutes * ramp + e * (paceI + d.pace[j]!) + (km - 2 * e) * trunkMinPerKm;
      }
      durations[row + j] = minutes * 60;
      distances[row + j] = km * metresPerKm;
      if (square) {
        durations[j * d.n + i] = minutes * 60;
        distances[j * d.n + i] = km * metresPerKm;
      }
    }
  }
  return { origins: o.n, destinations: d.n, durations, distances };
}
