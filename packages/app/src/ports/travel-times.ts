/** A point on the earth in WGS84 decimal degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/**
 * A travel matrix between origins (rows) and destinations (columns), row-major.
 * `durations` in seconds, `distances` in metres. A cell is `NaN` when no route exists.
 */
export interface TravelMatrix {
  readonly origins: number;
  readonly destinations: number;
  readonly durations: Float64Array;
  readonly distances: Float64Array;
}

/** Port: anything that can answer "how long and how far from each origin to each destination". */
export interface TravelTimeProvider {
  /** A short stable name, e.g. `geometric`, `matrix-file`, `osrm`. */
  readonly name: string;
  /** When `destinations` is omitted the matrix is square over `origins`. */
  matrix(origins: readonly LatLon[], destinations?: readonly LatLon[]): Promise<TravelMatrix>;
}

/** Row-major index of cell (origin i, destination j). */
export function matrixIndex(matrix: TravelMatrix, i: number, j: number): number {
  return i * matrix.destinations + j;
}
