import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { LatLon, TravelMatrix, TravelTimeProvider } from "@tt/app";
import { formatPoint, readTextFile, TravelTimeError } from "./errors";
import { greatCircleKm } from "./geo";
import {
  type MatrixFileData,
  type MatrixPoint,
  parseMatrixCsv,
  parseMatrixJson,
} from "./matrix-file";

/** A point that also carries the id it has in the matrix file; the id wins over coordinates. */
export interface IdentifiedLatLon extends LatLon {
  readonly id: string;
}

export interface MatrixFileProviderOptions {
  /** How far (metres) a requested coordinate may be from a file point and still match. Default 2. */
  readonly toleranceMetres?: number;
  /** Named in error messages, e.g. the file path. */
  readonly source?: string;
}

const KEY_SCALE = 1e5; // 0.00001° ≈ 1.1 m

interface PointLookup {
  find(p: LatLon): number | undefined;
}

function createLookup(points: readonly MatrixPoint[], toleranceMetres: number): PointLookup {
  const byId = new Map<string, number>();
  const byKey = new Map<number, number[]>();
  const key = (row: number, col: number) => row * 40_000_000 + col + 20_000_000;
  points.forEach((p, i) => {
    byId.set(p.id, i);
    const k = key(Math.round(p.lat * KEY_SCALE), Math.round(p.lon * KEY_SCALE));
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  const find = (p: LatLon): number | undefined => {
    const id = (p as Partial<IdentifiedLatLon>).id;
    if (typeof id === "string") return byId.get(id);
    const r = Math.round(p.lat * KEY_SCALE);
    const c = Math.round(p.lon * KEY_SCALE);
    let best: number | undefined;
    let bestM = toleranceMetres;
    const reachRow = Math.ceil(toleranceMetres / 1.1);
    const reachCol = Math.ceil(
      toleranceMetres / (1.1 * Math.max(0.1, Math.cos((p.lat * Math.PI) / 180))),
    );
    for (let dr = -reachRow; dr <= reachRow; dr++) {
      for (let dc = -reachCol; dc <= reachCol; dc++) {
        for (const i of byKey.get(key(r + dr, c + dc)) ?? []) {
          const m = greatCircleKm(p, points[i]!) * 1000;
          if (m <= bestM) [best, bestM] = [i, m];
        }
      }
    }
    return best;
  };
  return { find };
}

function resolveAll(
  lookup: PointLookup,
  points: readonly LatLon[],
  role: string,
  source: string,
): Int32Array {
  const out = new Int32Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const found = lookup.find(p);
    if (found === undefined) {
      const id = (p as Partial<IdentifiedLatLon>).id;
      const named = typeof id === "string" ? ` id "${id}"` : "";
      throw new TravelTimeError(
        "point-not-found",
        `${source} has no ${role} matching ${role} ${i}${named} at ${formatPoint(p.lat, p.lon)}`,
      );
    }
    out[i] = found;
  }
  return out;
}

/** Answers from a precomputed matrix; asking for a point it does not hold throws `point-not-found`. */
export function createMatrixFileProvider(
  data: MatrixFileData,
  options: MatrixFileProviderOptions = {},
): TravelTimeProvider {
  const source = options.source ?? "matrix file";
  const tolerance = options.toleranceMetres ?? 2;
  const originLookup = createLookup(data.origins, tolerance);
  const destinationLookup =
    data.destinations === data.origins ? originLookup : createLookup(data.destinations, tolerance);
  const width = data.destinations.length;
  return {
    name: "matrix-file",
    matrix: async (origins, destinations) => {
      const rows = resolveAll(originLookup, origins, "origin", source);
      const cols = resolveAll(destinationLookup, destinations ?? origins, "destination", source);
      return copyCells(data, rows, cols, width);
    },
  };
}

function copyCells(
  data: MatrixFileData,
  rows: Int32Array,
  cols: Int32Array,
  width: number,
): TravelMatrix {
  const n = rows.length;
  const m = cols.length;
  const durations = new Float64Array(n * m);
  const distances = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const base = rows[i]! * width;
    for (let j = 0; j < m; j++) {
      durations[i * m + j] = data.durations[base + cols[j]!]!;
      distances[i * m + j] = data.distances[base + cols[j]!]!;
    }
  }
  return { origins: n, destinations: m, durations, distances };
}

/** Reads a `.json` or `.csv` matrix file (format chosen by extension). */
export async function loadMatrixFile(path: string): Promise<MatrixFileData> {
  const text = await readTextFile((p) => readFile(p, "utf8"), path, "invalid-matrix-file");
  if (extname(path).toLowerCase() === ".csv") return parseMatrixCsv(text, path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new TravelTimeError("invalid-matrix-file", `${path}: not valid JSON`, { cause });
  }
  return parseMatrixJson(json, path);
}

/** Loads a matrix file and wraps it in a provider. */
export async function loadMatrixFileProvider(
  path: string,
  options: MatrixFileProviderOptions = {},
): Promise<TravelTimeProvider> {
  return createMatrixFileProvider(await loadMatrixFile(path), { source: path, ...options });
}
