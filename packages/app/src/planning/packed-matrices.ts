// Gives other work on this thread a turn between slices of a large matrix.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Matrices } from "@tt/solver";

/**
 * A Problem's two square matrices in one typed array each, row after row: moved to a solve's
 * thread rather than copied. A county day's matrices hold millions of cells, and copying them as
 * nested arrays blocks the sending thread for tens of milliseconds at once.
 */
export interface PackedMatrices {
  readonly size: number;
  readonly time: Float64Array<ArrayBuffer>;
  readonly distance: Float64Array<ArrayBuffer>;
}

/** Rows packed between turns given to other work on this thread. */
const ROWS_PER_TURN = 25;

/** The matrices packed; undefined when they are not square (then they are copied as they are). */
export async function packMatrices(matrices: Matrices): Promise<PackedMatrices | undefined> {
  const size = matrices.time.length;
  const square = (rows: Matrices["time"]) =>
    rows.length === size && rows.every((row) => row.length === size);
  if (!square(matrices.time) || !square(matrices.distance)) return undefined;
  const time = new Float64Array(size * size);
  const distance = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    time.set(matrices.time[i] ?? [], i * size);
    distance.set(matrices.distance[i] ?? [], i * size);
    if ((i + 1) % ROWS_PER_TURN === 0) await nextTurn();
  }
  return { size, time, distance };
}

/** The matrices as the engine takes them, on the thread that received them. */
export function unpackMatrices({ size, time, distance }: PackedMatrices): Matrices {
  const rows = (cells: Float64Array) =>
    Array.from({ length: size }, (_, i) => Array.from(cells.subarray(i * size, (i + 1) * size)));
  return { time: rows(time), distance: rows(distance) };
}
