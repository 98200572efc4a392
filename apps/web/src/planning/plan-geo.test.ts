import { describe, expect, it } from "vitest";
import { planGeo, roundHome, type TripEnds } from "./plan-geo";

const stop = (kind: "pickup" | "dropoff" | "break", tripRequestId?: string) => ({
  kind,
  ...(tripRequestId ? { tripRequestId } : {}),
  location: 0,
  arrival: 0,
  start: 0,
  departure: 0,
  load: [0, 0],
});

const run = (id: string, stops: ReturnType<typeof stop>[]) => ({
  id,
  vehicleId: `v-${id}`,
  layout: 0,
  stops,
  distanceMetres: 0,
  durationSeconds: 0,
  costPence: 0,
});

describe("planGeo", () => {
  const ends = new Map<string, TripEnds>([
    [
      "t1",
      {
        origin: { lon: 0.1, lat: 52.2, label: "Home", home: true },
        destination: { lon: 0.2, lat: 52.3, label: "Hall School", home: false },
      },
    ],
  ]);

  it("puts a pick-up at the trip's origin and a drop-off at its destination, skipping breaks", () => {
    const geo = planGeo(
      [run("a", [stop("pickup", "t1"), stop("break"), stop("dropoff", "t1")])],
      ends,
      () => "#123456",
    );
    expect(geo.stops.features.map((f) => f.properties.label)).toEqual(["Home", "Hall School"]);
    expect(geo.runs.features[0]?.geometry.coordinates).toEqual([
      [0.1, 52.2],
      [0.2, 52.3],
    ]);
    expect(geo.runs.features[0]?.properties.colour).toBe("#123456");
    expect(geo.bounds).toEqual([0.1, 52.2, 0.2, 52.3]);
    expect(geo.unplaced).toBe(0);
  });

  it("counts stops it cannot place and draws no line through fewer than two points", () => {
    const geo = planGeo([run("b", [stop("pickup", "t1"), stop("dropoff", "t9")])], ends, () => "");
    expect(geo.unplaced).toBe(1);
    expect(geo.runs.features).toHaveLength(0);
    expect(geo.stops.features).toHaveLength(1);
  });

  it("rounds homes to three decimal places", () => {
    expect(roundHome(52.123456)).toBe(52.123);
    expect(roundHome(-0.0006)).toBe(-0.001);
  });
});
