import { haversineMetres } from "@tt/domain";

export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

export interface District {
  readonly code: string;
  readonly name: string;
  /** Outer rings and holes, [lon, lat] pairs, as in the GeoJSON polygon. */
  readonly polygons: readonly (readonly (readonly [number, number])[])[][];
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function haversineKm(a: LonLat, b: LonLat): number {
  return haversineMetres(a, b) / 1000;
}

function inRing(p: LonLat, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    const crosses = a[1] > p.lat !== b[1] > p.lat;
    if (crosses && p.lon < ((b[0] - a[0]) * (p.lat - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

function inPolygon(p: LonLat, rings: readonly (readonly (readonly [number, number])[])[]): boolean {
  const [outer, ...holes] = rings;
  if (outer === undefined || !inRing(p, outer)) return false;
  return !holes.some((hole) => inRing(p, hole));
}

/** The district whose (simplified) outline contains the point, if any. */
export function findDistrict(p: LonLat, districts: readonly District[]): District | undefined {
  return districts.find((d) => d.polygons.some((rings) => inPolygon(p, rings)));
}

/** Mean of points (adequate for points a few hundred metres apart). */
export function centroid(points: readonly LonLat[]): LonLat {
  const n = points.length;
  if (n === 0) throw new Error("centroid of no points");
  const lon = points.reduce((s, p) => s + p.lon, 0) / n;
  const lat = points.reduce((s, p) => s + p.lat, 0) / n;
  return { lon, lat };
}
