import type { PlanMapView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { planGeo, planNames } from "./plan-geo";

type Point = PlanMapView["runs"][number]["stops"][number]["at"];

const home = { lat: 52.2, lon: 0.1, kind: "home" as const, name: null, withheld: false as const };
const school = {
  lat: 52.3,
  lon: 0.2,
  kind: "place" as const,
  name: "Hall School",
  withheld: false as const,
};
/** A home for a role that may not read passengers: no position. */
const withheldHome = { kind: "home" as const, name: null, withheld: true as const };

const stop = (kind: "pickup" | "dropoff", at: Point, position = 0) => ({
  position,
  kind,
  tripRequestId: "t1",
  tripReference: "T-1",
  at,
});

function mapOf(stops: ReturnType<typeof stop>[], unassigned: PlanMapView["unassigned"] = []) {
  const run = { id: "r1", vehicleId: "v1", vehicleReference: "V-1", stops };
  return {
    planId: "p",
    serviceDate: "2026-09-03",
    revision: 1,
    homeDecimals: 3,
    runs: [run],
    unassigned,
  };
}

describe("planGeo", () => {
  it("draws each run through its stops, labelling places by name and homes as Home", () => {
    const geo = planGeo(mapOf([stop("pickup", home), stop("dropoff", school, 2)]), () => "#123456");
    expect(geo.stops.features.map((f) => f.properties.label)).toEqual(["Home", "Hall School"]);
    expect(geo.stops.features.map((f) => f.properties.home)).toEqual([true, false]);
    expect(geo.runs.features[0]?.geometry.coordinates).toEqual([
      [0.1, 52.2],
      [0.2, 52.3],
    ]);
    expect(geo.runs.features[0]?.properties.colour).toBe("#123456");
    expect(geo.bounds).toEqual([0.1, 52.2, 0.2, 52.3]);
    expect(geo.unplaced).toBe(0);
    expect(geo.withheldHomes).toBe(0);
  });

  it("skips homes given without a position and still draws the run through its other stops", () => {
    const stops = [
      stop("pickup", withheldHome),
      stop("dropoff", school, 1),
      stop("pickup", { ...school, lat: 52.4, name: "Day Centre" }, 2),
      stop("dropoff", withheldHome, 3),
    ];
    const waiting = [
      { tripRequestId: "t2", tripReference: "T-2", origin: withheldHome, destination: school },
    ];
    const geo = planGeo(mapOf(stops, waiting), () => "#123456");
    expect(geo.withheldHomes).toBe(3);
    expect(geo.unplaced).toBe(0);
    expect(geo.stops.features.map((f) => f.properties.label)).toEqual([
      "Hall School",
      "Day Centre",
    ]);
    expect(geo.runs.features[0]?.geometry.coordinates).toEqual([
      [0.2, 52.3],
      [0.2, 52.4],
    ]);
    expect(geo.unassigned.features).toHaveLength(0);
    expect(geo.bounds).toEqual([0.2, 52.3, 0.2, 52.4]);
  });

  it("counts stops it cannot place and draws no line through fewer than two points", () => {
    const geo = planGeo(mapOf([stop("pickup", home), stop("dropoff", null)]), () => "");
    expect(geo.unplaced).toBe(1);
    expect(geo.runs.features).toHaveLength(0);
    expect(geo.stops.features).toHaveLength(1);
  });

  it("puts unassigned requests at their pick-up and widens the bounds to them", () => {
    const far = { ...home, lat: 52.6, lon: -0.3 };
    const waiting = [
      { tripRequestId: "t2", tripReference: "T-2", origin: far, destination: school },
      { tripRequestId: "t3", tripReference: null, origin: null, destination: null },
    ];
    const geo = planGeo(mapOf([stop("pickup", home), stop("dropoff", school)], waiting), () => "");
    expect(geo.unassigned.features.map((f) => f.geometry.coordinates)).toEqual([[-0.3, 52.6]]);
    expect(geo.bounds).toEqual([-0.3, 52.2, 0.2, 52.6]);
  });
});

describe("planNames", () => {
  it("names vehicles and trip requests by reference, falling back to the id's start", () => {
    const names = planNames(mapOf([stop("pickup", home)]));
    expect(names.vehicle("v1")).toBe("V-1");
    expect(names.reference("t1")).toBe("T-1");
    expect(names.reference("0123456789abcdef")).toBe("01234567");
    expect(planNames(undefined).vehicle("abcdefghijk")).toBe("vehicle abcdefgh");
  });
});
