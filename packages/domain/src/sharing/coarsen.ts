import { bngToWgs84, isBngInRange, type LatLon, wgs84ToBng } from "../shared/geo";

/**
 * The centre of the `metres` square of the British National Grid the position falls in, as WGS84
 * rounded to 6 decimals (about 0.1 m): every position in a square gives the same answer, so a
 * home can be shown or shared without its address. The grid conversion works in whole metres, so
 * a position within half a metre of a square's edge may land in its neighbour.
 */
export function coarsenPosition(position: LatLon, metres = 500): LatLon {
  if (!Number.isFinite(metres) || metres <= 0) {
    throw new RangeError(`expected a square side in metres above 0, got ${metres}`);
  }
  const { easting, northing } = wgs84ToBng(position);
  if (!isBngInRange(easting, northing)) {
    throw new RangeError(`(${position.lat}, ${position.lon}) is outside the British National Grid`);
  }
  return bngToWgs84(centreOfSquare(easting, metres), centreOfSquare(northing, metres));
}

function centreOfSquare(coordinate: number, metres: number): number {
  return Math.floor(coordinate / metres) * metres + metres / 2;
}
