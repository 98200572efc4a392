import type { LatLon } from "@tt/app";
import { haversineMetres } from "@tt/domain";

/** Mean earth radius in kilometres (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

const DEG = Math.PI / 180;

/**
 * Unit vectors (x, y, z) of the points, packed into one Float64Array of length 3n.
 * The chord between two unit vectors gives the great-circle distance with one `asin`.
 */
export function toUnitVectors(points: readonly LatLon[]): Float64Array {
  const out = new Float64Array(points.length * 3);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const lat = p.lat * DEG;
    const lon = p.lon * DEG;
    const c = Math.cos(lat);
    out[i * 3] = c * Math.cos(lon);
    out[i * 3 + 1] = c * Math.sin(lon);
    out[i * 3 + 2] = Math.sin(lat);
  }
  return out;
}

/** Great-circle distance in km from the squared chord length between two unit vectors. */
export function chordSquaredToKm(chordSquared: number): number {
  const half = Math.sqrt(chordSquared) / 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(half, 1));
}

/** Great-circle (haversine) distance between two points in km. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  return haversineMetres(a, b) / 1000;
}

/** True when the point has finite coordinates within the WGS84 ranges. */
export function isValidLatLon(p: LatLon): boolean {
  return (
    Number.isFinite(p.lat) &&
    Number.isFinite(p.lon) &&
    p.lat >= -90 &&
    p.lat <= 90 &&
    p.lon >= -180 &&
    p.lon <= 180
  );
}
