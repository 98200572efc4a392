import { parse } from "csv-parse/sync";
import { TravelTimeError } from "./errors";
import { isValidLatLon } from "./geo";

/** A matrix point: an id and WGS84 coordinates. */
export interface MatrixPoint {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

/** A precomputed travel matrix, row-major over `origins` × `destinations`; NaN = no route. */
export interface MatrixFileData {
  readonly origins: readonly MatrixPoint[];
  readonly destinations: readonly MatrixPoint[];
  /** Seconds. */
  readonly durations: Float64Array;
  /** Metres. */
  readonly distances: Float64Array;
}

/** The JSON matrix file (`format: "tt-travel-matrix"`, `version: 1`); see the package README. */
export interface MatrixFileJson {
  readonly format: "tt-travel-matrix";
  readonly version: 1;
  /** Shorthand for a square matrix: origins = destinations = points. */
  readonly points?: readonly MatrixPoint[];
  readonly origins?: readonly MatrixPoint[];
  readonly destinations?: readonly MatrixPoint[];
  /** Seconds, one row per origin; `null` = no route. */
  readonly durations: readonly (readonly (number | null)[])[];
  /** Metres, same shape as `durations`; `null` = no route. */
  readonly distances: readonly (readonly (number | null)[])[];
}

const fail = (source: string, message: string): never => {
  throw new TravelTimeError("invalid-matrix-file", `${source}: ${message}`);
};

function checkPoints(value: unknown, what: string, source: string): MatrixPoint[] {
  if (!Array.isArray(value) || value.length === 0)
    return fail(source, `${what} must be a non-empty array`);
  const seen = new Set<string>();
  return value.map((p: unknown, i) => {
    const { id, lat, lon } = (p ?? {}) as Record<string, unknown>;
    if (
      typeof id !== "string" ||
      typeof lat !== "number" ||
      typeof lon !== "number" ||
      !isValidLatLon({ lat, lon })
    ) {
      return fail(source, `${what}[${i}] must be {id: string, lat: number, lon: number}`);
    }
    if (seen.has(id)) fail(source, `${what}[${i}] repeats id "${id}"`);
    seen.add(id);
    return { id, lat, lon };
  });
}

function checkRows(
  value: unknown,
  what: string,
  rows: number,
  cols: number,
  source: string,
): Float64Array {
  if (!Array.isArray(value) || value.length !== rows)
    return fail(source, `${what} must have ${rows} rows`);
  const out = new Float64Array(rows * cols);
  value.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== cols)
      fail(source, `${what}[${i}] must have ${cols} values`);
    (row as unknown[]).forEach((v, j) => {
      if (v === null) out[i * cols + j] = Number.NaN;
      else if (typeof v === "number" && Number.isFinite(v) && v >= 0) out[i * cols + j] = v;
      else
        fail(source, `${what}[${i}][${j}] must be a number >= 0 or null, got ${JSON.stringify(v)}`);
    });
  });
  return out;
}

/** Validates a parsed JSON matrix file. */
export function parseMatrixJson(value: unknown, source = "matrix JSON"): MatrixFileData {
  const json = (value ?? {}) as Partial<Record<keyof MatrixFileJson, unknown>>;
  if (json.format !== "tt-travel-matrix" || json.version !== 1) {
    fail(source, 'expected "format": "tt-travel-matrix" and "version": 1');
  }
  const origins = checkPoints(
    json.points ?? json.origins,
    json.points ? "points" : "origins",
    source,
  );
  const destinations = json.points
    ? origins
    : checkPoints(json.destinations, "destinations", source);
  return {
    origins,
    destinations,
    durations: checkRows(json.durations, "durations", origins.length, destinations.length, source),
    distances: checkRows(json.distances, "distances", origins.length, destinations.length, source),
  };
}

/** The long CSV format's header. */
export const MATRIX_CSV_COLUMNS = [
  "from_id",
  "from_lat",
  "from_lon",
  "to_id",
  "to_lat",
  "to_lon",
  "duration_s",
  "distance_m",
] as const;

function addPoint(
  points: Map<string, MatrixPoint>,
  p: MatrixPoint,
  where: string,
  source: string,
): void {
  const known = points.get(p.id);
  if (known && (known.lat !== p.lat || known.lon !== p.lon))
    fail(source, `${where}: id "${p.id}" has two positions`);
  if (!isValidLatLon(p)) fail(source, `${where}: "${p.id}" has invalid lat/lon`);
  points.set(p.id, p);
}

const cell = (text: string | undefined, where: string, source: string): number => {
  if (text === undefined || text === "") return Number.NaN;
  const v = Number(text);
  return Number.isFinite(v) && v >= 0
    ? v
    : fail(source, `${where}: expected a number >= 0, got "${text}"`);
};

/**
 * Parses the long CSV format: one row per (from, to) pair with the columns in
 * {@link MATRIX_CSV_COLUMNS}. An empty duration means no route. Every pair of a listed origin and
 * destination must be present, except a point to itself, which defaults to 0.
 */
export function parseMatrixCsv(text: string, source = "matrix CSV"): MatrixFileData {
  const rows: Record<string, string>[] = parse(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  const points = new Map<string, MatrixPoint>(); // every id, in order of first appearance
  const fromIds = new Set<string>();
  const toIds = new Set<string>();
  const cells = rows.map((r, i): CsvCell => {
    const where = `row ${i + 2}`;
    const from = { id: r.from_id ?? "", lat: Number(r.from_lat), lon: Number(r.from_lon) };
    const to = { id: r.to_id ?? "", lat: Number(r.to_lat), lon: Number(r.to_lon) };
    if (!from.id || !to.id) fail(source, `${where}: from_id and to_id are required`);
    addPoint(points, from, where, source);
    addPoint(points, to, where, source);
    fromIds.add(from.id);
    toIds.add(to.id);
    const t = cell(r.duration_s, `${where} duration_s`, source);
    return {
      from: from.id,
      to: to.id,
      duration: t,
      distance: cell(r.distance_m, `${where} distance_m`, source),
    };
  });
  if (cells.length === 0) fail(source, "no rows");
  const all = [...points.values()];
  const origins = all.filter((p) => fromIds.has(p.id));
  const destinations = all.filter((p) => toIds.has(p.id));
  return fillFromCells(origins, destinations, cells, source);
}

interface CsvCell {
  readonly from: string;
  readonly to: string;
  readonly duration: number;
  readonly distance: number;
}

function fillFromCells(
  origins: MatrixPoint[],
  destinations: MatrixPoint[],
  cells: readonly CsvCell[],
  source: string,
): MatrixFileData {
  const m = destinations.length;
  const row = new Map(origins.map((p, i) => [p.id, i]));
  const col = new Map(destinations.map((p, j) => [p.id, j]));
  const durations = new Float64Array(origins.length * m).fill(-1);
  const distances = new Float64Array(origins.length * m);
  for (const c of cells) {
    const k = row.get(c.from)! * m + col.get(c.to)!;
    durations[k] = c.duration;
    distances[k] = c.distance;
  }
  for (let i = 0; i < origins.length; i++) {
    for (let j = 0; j < m; j++) {
      if (durations[i * m + j] !== -1) continue;
      if (origins[i]!.id !== destinations[j]!.id) {
        fail(source, `missing pair from "${origins[i]!.id}" to "${destinations[j]!.id}"`);
      }
      durations[i * m + j] = 0;
    }
  }
  return { origins, destinations, durations, distances };
}
