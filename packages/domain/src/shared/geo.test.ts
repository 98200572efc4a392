import { describe, expect, it } from "vitest";
import { bngToWgs84, haversineMetres, wgs84ToBng } from "./geo";
import { findMinutesOfDay, formatMinutesOfDay, isIsoDate } from "./time-of-day";

describe("British National Grid", () => {
  // Code-Point Open CB2 0QQ (Addenbrooke's): 546474 E, 255130 N -> 52.174990, 0.140622 (PROJ, Helmert).
  it("converts an easting/northing to WGS84 within a metre of PROJ", () => {
    const point = bngToWgs84(546474, 255130);
    expect(point.lat).toBeCloseTo(52.17499, 5);
    expect(point.lon).toBeCloseTo(0.140622, 5);
  });

  it("round-trips WGS84 through the grid", () => {
    const grid = wgs84ToBng({ lat: 52.17499, lon: 0.140622 });
    expect(Math.abs(grid.easting - 546474)).toBeLessThanOrEqual(1);
    expect(Math.abs(grid.northing - 255130)).toBeLessThanOrEqual(1);
  });
});

describe("great-circle distance", () => {
  it("measures Cambridge to Peterborough at about 48 km", () => {
    const d = haversineMetres({ lat: 52.2053, lon: 0.1218 }, { lat: 52.5695, lon: -0.2405 });
    expect(d / 1000).toBeGreaterThan(46);
    expect(d / 1000).toBeLessThan(50);
  });
});

describe("times and dates", () => {
  it("parses and formats HH:MM", () => {
    expect(findMinutesOfDay("08:45")).toBe(525);
    expect(findMinutesOfDay("24:00")).toBeUndefined();
    expect(findMinutesOfDay("8.45")).toBeUndefined();
    expect(formatMinutesOfDay(525)).toBe("08:45");
  });

  it("rejects dates that do not exist", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    // No year 0: the databases refuse it.
    expect(isIsoDate("0000-01-01")).toBe(false);
    expect(isIsoDate("0001-01-01")).toBe(true);
    expect(isIsoDate("2026-13-01")).toBe(false);
  });
});
