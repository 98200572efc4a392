import { haversineMetres, type LatLon } from "../shared/geo";
import { roundMiles } from "./rules";

export const METRES_PER_MILE = 1609.344;

/** Straight-line miles between two points. */
export function straightLineMiles(a: LatLon, b: LatLon): number {
  return haversineMetres(a, b) / METRES_PER_MILE;
}

/** A route distance: measured when given, else straight line × circuity (and marked estimated). */
export interface RouteDistance {
  readonly miles: number;
  readonly estimated: boolean;
  readonly basis: string;
}

export function measuredOrEstimated(
  measured: number | undefined,
  ends: { from?: LatLon | undefined; to?: LatLon | undefined },
  circuity: number,
  what: string,
): RouteDistance | undefined {
  if (measured !== undefined)
    return { miles: measured, estimated: false, basis: `measured ${what}` };
  if (!ends.from || !ends.to) return undefined;
  const straight = straightLineMiles(ends.from, ends.to);
  return {
    miles: roundMiles(straight * circuity),
    estimated: true,
    basis: `estimated ${what}: ${roundMiles(straight)} miles straight line × ${circuity} circuity`,
  };
}
