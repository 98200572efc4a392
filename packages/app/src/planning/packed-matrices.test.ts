import { describe, expect, it } from "vitest";
import { packMatrices, unpackMatrices } from "./packed-matrices";

describe("packed matrices", () => {
  it("gives back exactly the matrices packed, row for row", async () => {
    const size = 250;
    const cell = (i: number, j: number) => (i * 7919 + j * 104729) / 997;
    const square = (f: (i: number, j: number) => number) =>
      Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => f(i, j)));
    const matrices = { time: square(cell), distance: square((i, j) => cell(j, i) * 0.1) };
    const packed = await packMatrices(matrices);
    expect(packed?.size).toBe(size);
    expect(packed && unpackMatrices(packed)).toEqual(matrices);
  });

  it("leaves matrices that are not square to be copied as they are", async () => {
    expect(await packMatrices({ time: [[0, 1]], distance: [[0, 1]] })).toBeUndefined();
    expect(await packMatrices({ time: [[0]], distance: [[0], [1]] })).toBeUndefined();
    expect(await packMatrices({ time: [], distance: [] })).toEqual({
      size: 0,
      time: new Float64Array(0),
      distance: new Float64Array(0),
    });
  });
});
