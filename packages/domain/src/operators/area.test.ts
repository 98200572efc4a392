import { describe, expect, it } from "vitest";
import { type Area, areaSchema, isInArea, MAX_AREA_VERTICES, type PolygonRings } from "./area";

/** A square around Swavesey and Over, with a hole over Over. */
const squareRings: PolygonRings = [
  [
    [-0.05, 52.28],
    [0.0, 52.28],
    [0.0, 52.32],
    [-0.05, 52.32],
    [-0.05, 52.28],
  ],
  [
    [-0.04, 52.31],
    [-0.03, 52.31],
    [-0.03, 52.318],
    [-0.04, 52.318],
    [-0.04, 52.31],
  ],
];
const square: Area = { type: "Polygon", coordinates: squareRings };

describe("a consortium's area", () => {
  it("holds a point inside its outer ring and not in a hole", () => {
    expect(isInArea(square, { lat: 52.3, lon: -0.02 })).toBe(true);
    expect(isInArea(square, { lat: 52.315, lon: -0.035 })).toBe(false);
    expect(isInArea(square, { lat: 52.1787, lon: 0.1589 })).toBe(false);
  });

  it("holds a point in any polygon of a MultiPolygon", () => {
    const two: Area = {
      type: "MultiPolygon",
      coordinates: [
        squareRings,
        [
          [
            [0.1, 52.15],
            [0.2, 52.15],
            [0.15, 52.2],
            [0.1, 52.15],
          ],
        ],
      ],
    };
    expect(isInArea(two, { lat: 52.1787, lon: 0.1589 })).toBe(true);
    expect(isInArea(two, { lat: 52.3, lon: -0.02 })).toBe(true);
    expect(isInArea(two, { lat: 52.16, lon: 0.3 })).toBe(false);
  });

  it("takes a concave outline: a point in the notch is outside", () => {
    const u: Area = {
      type: "Polygon",
      coordinates: [
        [
          [0, 52],
          [0.3, 52],
          [0.3, 52.3],
          [0.2, 52.3],
          [0.2, 52.1],
          [0.1, 52.1],
          [0.1, 52.3],
          [0, 52.3],
          [0, 52],
        ],
      ],
    };
    expect(isInArea(u, { lat: 52.2, lon: 0.15 })).toBe(false);
    expect(isInArea(u, { lat: 52.2, lon: 0.05 })).toBe(true);
    expect(isInArea(u, { lat: 52.05, lon: 0.15 })).toBe(true);
  });

  it("refuses an open ring, too few positions, a position out of range, naming the field", () => {
    const issues = (area: unknown) =>
      areaSchema.safeParse(area).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
    const open = [
      [0, 52],
      [0.1, 52],
      [0.1, 52.1],
      [0, 52.1],
    ];
    expect(issues({ type: "Polygon", coordinates: [open] })).toEqual([
      ["coordinates.0", "a ring must be closed: its last position repeats its first"],
    ]);
    expect(issues({ type: "Polygon", coordinates: [open.slice(0, 2)] })[0]?.[0]).toBe(
      "coordinates.0",
    );
    const far = [...open, [0, 52]];
    far[1] = [12, 52];
    expect(issues({ type: "Polygon", coordinates: [far] })).toEqual([
      ["coordinates.0.1", "longitude must be between -8.7 and 1.9"],
    ]);
    expect(issues({ type: "Point", coordinates: [0, 52] })[0]?.[0]).toBe("type");
  });

  it("refuses more vertices than the bound", () => {
    const ring = Array.from({ length: MAX_AREA_VERTICES }, (_, k) => [
      0.1 * Math.cos((2 * Math.PI * k) / MAX_AREA_VERTICES),
      52 + 0.1 * Math.sin((2 * Math.PI * k) / MAX_AREA_VERTICES),
    ]);
    ring.push(ring[0]!);
    const result = areaSchema.safeParse({ type: "Polygon", coordinates: [ring] });
    expect(result.error?.issues[0]?.path).toEqual(["coordinates"]);
    expect(
      areaSchema.safeParse({
        type: "Polygon",
        coordinates: [ring.slice(0, 100).concat([ring[0]!])],
      }).success,
    ).toBe(true);
  });
});
