import { describe, expect, it } from "vitest";
import { bngToWgs84, haversineMetres, wgs84ToBng } from "../shared/geo";
import { Random } from "../shared/random";
import { coarsenPosition } from "./coarsen";

const HALF_DIAGONAL = (500 * Math.SQRT2) / 2;

// Near Addenbrooke's: the grid square 546000–546500 E, 255000–255500 N.
const southWest = bngToWgs84(546_010, 255_020);
const northEast = bngToWgs84(546_480, 255_470);

describe("coarsenPosition", () => {
  it("gives every position in a 500 m grid square the square's centre", () => {
    const centre = coarsenPosition(southWest);
    expect(coarsenPosition(northEast)).toEqual(centre);
    expect(centre).toEqual(bngToWgs84(546_250, 255_250));
    const grid = wgs84ToBng(centre);
    expect(Math.abs(grid.easting - 546_250)).toBeLessThan(1);
    expect(Math.abs(grid.northing - 255_250)).toBeLessThan(1);
  });

  it("separates positions in neighbouring squares", () => {
    expect(coarsenPosition(bngToWgs84(546_520, 255_020))).not.toEqual(coarsenPosition(southWest));
  });

  it("stays within half a square's diagonal, is idempotent and rounds to 6 decimals", () => {
    const random = new Random(2026);
    for (let i = 0; i < 300; i++) {
      const position = { lat: random.between(50.2, 58.5), lon: random.between(-5.5, 1.7) };
      const coarse = coarsenPosition(position);
      expect(haversineMetres(position, coarse)).toBeLessThanOrEqual(HALF_DIAGONAL);
      expect(coarsenPosition(coarse)).toEqual(coarse);
      expect(Math.round(coarse.lat * 1e6) / 1e6).toBe(coarse.lat);
      expect(Math.round(coarse.lon * 1e6) / 1e6).toBe(coarse.lon);
    }
  });

  it("takes other square sizes", () => {
    const kilometre = coarsenPosition(southWest, 1000);
    expect(kilometre).toEqual(bngToWgs84(546_500, 255_500));
    expect(haversineMetres(southWest, kilometre)).toBeLessThanOrEqual(1000 * Math.SQRT1_2);
  });

  it("refuses a square of no size and a position off the grid", () => {
    expect(() => coarsenPosition(southWest, 0)).toThrow(RangeError);
    expect(() => coarsenPosition(southWest, Number.NaN)).toThrow(RangeError);
    expect(() => coarsenPosition({ lat: 40.4, lon: -3.7 })).toThrow(
      /outside the British National Grid/,
    );
  });
});
