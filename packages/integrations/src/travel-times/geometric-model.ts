/**
 * The calibrated geometric travel-time model (see docs/travel-times.md).
 *
 *   d      great-circle distance in km
 *   e      = min(d / 2, endKm)                      the "end" stretch at each end of the trip
 *   access = accessMinutes × min(1, d / accessRampKm) fixed time to get going and to park
 *   t      = access + e × endPace(origin) + e × endPace(destination) + (d − 2e) × trunkPace
 *
 * End paces depend on whether the end point is urban, rural or outside the coverage of the
 * urban/rural points. Paces are minutes per great-circle km, so road circuity is inside them.
 * Road distance is reported as d × circuity.
 */

/** Where a trip end lies. The numeric codes index {@link GeometricModelParams.endMinPerKm}. */
export type AreaClass = "urban" | "rural" | "unknown";

export const AREA_CODE: Readonly<Record<AreaClass, number>> = { urban: 0, rural: 1, unknown: 2 };

export interface GeometricModelParams {
  /** Fixed minutes added to every trip longer than `accessRampKm`. */
  readonly accessMinutes: number;
  /** Below this distance the access time ramps linearly down to 0 (co-located stops cost 0). */
  readonly accessRampKm: number;
  /** Length in great-circle km of the slower stretch at each end of a trip. */
  readonly endKm: number;
  /** Minutes per great-circle km on the end stretch, by area code (urban, rural, unknown). */
  readonly endMinPerKm: readonly [number, number, number];
  /** Minutes per great-circle km between the two end stretches. */
  readonly trunkMinPerKm: number;
  /** Road km per great-circle km, used only for the reported distances. */
  readonly circuity: number;
}

/**
 * Parameters fitted by `benchmarks/src/calibrate-travel-times.ts` against the SAMueL calibrated
 * drive-time matrix (2011 LSOAs in Cambridgeshire & Peterborough to acute stroke units).
 * `accessRampKm` and `circuity` are not fitted: the reference data has no trips under 0.6 km and
 * no road distances (see docs/travel-times.md).
 */
export const FITTED_GEOMETRIC_PARAMS: GeometricModelParams = {
  accessMinutes: 7.45,
  accessRampKm: 0.5,
  endKm: 4,
  endMinPerKm: [1.344, 1.677, 0.83],
  trunkMinPerKm: 0.838,
  circuity: 1.3,
};

/** Travel time in minutes for one trip (the same formula the matrix loop inlines). */
export function geometricMinutes(
  km: number,
  originArea: number,
  destinationArea: number,
  params: GeometricModelParams,
): number {
  if (km <= 0) return 0;
  const e = Math.min(km / 2, params.endKm);
  const ramp = Math.min(1, km / params.accessRampKm);
  const paceO = params.endMinPerKm[originArea] ?? params.endMinPerKm[2];
  const paceD = params.endMinPerKm[destinationArea] ?? params.endMinPerKm[2];
  return params.accessMinutes * ramp + e * (paceO + paceD) + (km - 2 * e) * params.trunkMinPerKm;
}

/** Checks parameters a caller passes in place of the fitted ones. */
export function validateGeometricParams(params: GeometricModelParams): string[] {
  const problems: string[] = [];
  const positive: [string, number][] = [
    ["accessRampKm", params.accessRampKm],
    ["trunkMinPerKm", params.trunkMinPerKm],
    ["circuity", params.circuity],
  ];
  for (const [name, value] of positive) {
    if (!(Number.isFinite(value) && value > 0)) problems.push(`${name} must be > 0, got ${value}`);
  }
  const nonNegative: [string, number][] = [
    ["accessMinutes", params.accessMinutes],
    ["endKm", params.endKm],
    ...params.endMinPerKm.map((v, i): [string, number] => [`endMinPerKm[${i}]`, v]),
  ];
  for (const [name, value] of nonNegative) {
    if (!(Number.isFinite(value) && value >= 0))
      problems.push(`${name} must be >= 0, got ${value}`);
  }
  return problems;
}
