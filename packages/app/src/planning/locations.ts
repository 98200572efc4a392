// Gives other work on this thread a turn between slices of a large matrix.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Location, Matrices } from "@tt/solver";
import type { LatLon, TravelTimeProvider } from "../ports";

/**
 * The distinct points of a day plan. Points closer than about a metre share one location, so two
 * passengers at one address, or a depot at a school, are one row of the matrix. Homes are named
 * by the passenger id only: the plan never holds names or addresses.
 */
export class LocationIndex {
  private readonly byKey = new Map<string, number>();
  readonly locations: Location[] = [];
  readonly points: LatLon[] = [];

  /** The index of the point, adding it with this id and name when it is new. */
  add(point: LatLon, id: string, name?: string): number {
    const key = `${point.lat.toFixed(5)},${point.lon.toFixed(5)}`;
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    const index = this.locations.length;
    this.byKey.set(key, index);
    this.locations.push(name ? { id, name } : { id });
    this.points.push(point);
    return index;
  }
}

/** Minutes and kilometres are rounded to hundredths and thousandths: enough, and compact JSON. */
const round = (value: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** Matrix rows converted between turns given to other work on this thread. */
const ROWS_PER_TURN = 25;

/** A cell with no route: far enough that no window can be met across it. */
export const NO_ROUTE_MINUTES = 100_000;

/**
 * Asks the provider for the square matrix over the points and converts seconds to minutes and
 * metres to kilometres. Returns the number of cells that had no route (NaN).
 */
export async function buildMatrices(
  provider: TravelTimeProvider,
  points: readonly LatLon[],
): Promise<{ matrices: Matrices; missingCells: number }> {
  if (points.length === 0) return { matrices: { time: [], distance: [] }, missingCells: 0 };
  const m = await provider.matrix(points);
  const time: number[][] = [];
  const distance: number[][] = [];
  let missingCells = 0;
  for (let i = 0; i < m.origins; i++) {
    const timeRow: number[] = [];
    const distanceRow: number[] = [];
    for (let j = 0; j < m.destinations; j++) {
      const seconds = m.durations[i * m.destinations + j] ?? Number.NaN;
      const metres = m.distances[i * m.destinations + j] ?? Number.NaN;
      if (Number.isNaN(seconds) || Number.isNaN(metres)) {
        missingCells++;
        timeRow.push(i === j ? 0 : NO_ROUTE_MINUTES);
        distanceRow.push(i === j ? 0 : NO_ROUTE_MINUTES);
        continue;
      }
      timeRow.push(round(seconds / 60, 2));
      distanceRow.push(round(metres / 1000, 3));
    }
    time.push(timeRow);
    distance.push(distanceRow);
    // A day's matrix has millions of cells: let requests on this thread in between slices of rows.
    if ((i + 1) % ROWS_PER_TURN === 0) await nextTurn();
  }
  return { matrices: { time, distance }, missingCells };
}
