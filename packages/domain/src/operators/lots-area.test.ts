import { describe, expect, it } from "vitest";
import type { Area } from "./area";
import { buildLots, type LotRunInput, OUTSIDE_AREAS } from "./lots";

const box = (west: number, south: number, east: number, north: number): Area => ({
  type: "Polygon",
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

const run = (vehicleId: string, points: { lat: number; lon: number }[]): LotRunInput => ({
  vehicleId,
  vehicleReference: vehicleId.toUpperCase(),
  vehicleKind: "minibus",
  start: 420,
  end: 540,
  seats: 4,
  wheelchairs: 0,
  costPence: 10_000,
  trips: [{ daysPerYear: 190 }],
  points,
});

describe("area micro-franchises", () => {
  it("puts a run whose stops all lie in a consortium's area in that area's lot, the rest apart", () => {
    const areas = [
      { name: "Fen Edge", area: box(-0.1, 52.25, 0.0, 52.35) },
      { name: "Ouse Valley", area: box(-0.3, 52.3, -0.15, 52.4) },
    ];
    const lots = buildLots(
      "area",
      [
        run("a", [
          { lat: 52.3, lon: -0.05 },
          { lat: 52.28, lon: -0.02 },
        ]),
        run("b", [{ lat: 52.35, lon: -0.2 }]),
        // Starts in Fen Edge and ends in Cambridge: not a Fen Edge run.
        run("c", [
          { lat: 52.3, lon: -0.05 },
          { lat: 52.1787, lon: 0.1589 },
        ]),
        run("d", []),
      ],
      new Map(),
      areas,
    );
    expect(lots.map((l) => [l.name, l.runs.map((r) => r.vehicleId)])).toEqual([
      ["Fen Edge", ["a"]],
      ["Ouse Valley", ["b"]],
      [OUTSIDE_AREAS, ["c", "d"]],
    ]);
  });

  it("makes one lot apart when there are no areas", () => {
    const lots = buildLots("area", [run("a", [{ lat: 52.3, lon: -0.05 }])], new Map());
    expect(lots.map((l) => l.name)).toEqual([OUTSIDE_AREAS]);
  });
});
