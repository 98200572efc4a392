import proj4 from "proj4";
import { z } from "zod";

/** British National Grid (EPSG:27700), with the Helmert OSGB36 → WGS84 shift (about 2–5 m). */
const BNG =
  "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy " +
  "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";
const WGS84 = "EPSG:4326";

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** WGS84 latitude, checked to lie inside Great Britain's extent. */
export const latitudeSchema = z
  .number({ message: "expected a number (WGS84 latitude)" })
  .min(49.8, { message: "latitude must be between 49.8 and 61 (Great Britain)" })
  .max(61, { message: "latitude must be between 49.8 and 61 (Great Britain)" });

/** WGS84 longitude, checked to lie inside Great Britain's extent. */
export const longitudeSchema = z
  .number({ message: "expected a number (WGS84 longitude)" })
  .min(-8.7, { message: "longitude must be between -8.7 and 1.9 (Great Britain)" })
  .max(1.9, { message: "longitude must be between -8.7 and 1.9 (Great Britain)" });

/** Converts British National Grid easting/northing (metres) to WGS84. */
export function bngToWgs84(easting: number, northing: number): LatLon {
  const [lon, lat] = proj4(BNG, WGS84, [easting, northing]);
  return { lat: round6(lat ?? Number.NaN), lon: round6(lon ?? Number.NaN) };
}

/** Converts WGS84 to British National Grid easting/northing (metres). */
export function wgs84ToBng(point: LatLon): { easting: number; northing: number } {
  const [easting, northing] = proj4(WGS84, BNG, [point.lon, point.lat]);
  return {
    easting: Math.round(easting ?? Number.NaN),
    northing: Math.round(northing ?? Number.NaN),
  };
}

/** True when the easting/northing lie inside the British National Grid's extent. */
export function isBngInRange(easting: number, northing: number): boolean {
  return easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000;
}

/** Great-circle distance in metres. */
export function haversineMetres(a: LatLon, b: LatLon): number {
  const r = 6_371_008.8;
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
