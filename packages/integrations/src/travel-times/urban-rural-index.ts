import { readFile } from "node:fs/promises";
import type { LatLon } from "@tt/app";
import { parse } from "csv-parse/sync";
import { readTextFile, TravelTimeError } from "./errors";
import { greatCircleKm, isValidLatLon } from "./geo";
import { AREA_CODE, type AreaClass } from "./geometric-model";

/** A point with a known urban/rural class, e.g. an LSOA population-weighted centroid. */
export interface UrbanRuralPoint extends LatLon {
  readonly urban: boolean;
}

/** Classifies any point as urban, rural or unknown (too far from every known point). */
export interface UrbanRuralIndex {
  readonly size: number;
  classify(point: LatLon): AreaClass;
}

/** Points further than this from every known point are `unknown`. */
export const DEFAULT_COVERAGE_KM = 6;

const CELL_DEG = 0.05;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

function cellKey(row: number, col: number): number {
  return (row + 2000) * 10000 + (col + 4000);
}

/** A uniform lat/lon grid of 0.05° cells; queries look only at the cells within the radius. */
export function createUrbanRuralIndex(
  points: readonly UrbanRuralPoint[],
  coverageKm = DEFAULT_COVERAGE_KM,
): UrbanRuralIndex {
  const cells = new Map<number, UrbanRuralPoint[]>();
  for (const p of points) {
    const key = cellKey(Math.floor(p.lat / CELL_DEG), Math.floor(p.lon / CELL_DEG));
    const bucket = cells.get(key);
    if (bucket) bucket.push(p);
    else cells.set(key, [p]);
  }
  const classify = (q: LatLon): AreaClass => {
    const nearest = findNearest(cells, q, coverageKm);
    if (!nearest) return "unknown";
    return nearest.urban ? "urban" : "rural";
  };
  return { size: points.length, classify };
}

function findNearest(
  cells: ReadonlyMap<number, readonly UrbanRuralPoint[]>,
  q: LatLon,
  radiusKm: number,
): UrbanRuralPoint | undefined {
  if (!isValidLatLon(q)) return undefined;
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const cosLat = Math.max(0.01, Math.cos((q.lat * Math.PI) / 180));
  const dLon = radiusKm / (KM_PER_DEG_LON_EQUATOR * cosLat);
  let best: UrbanRuralPoint | undefined;
  let bestKm = radiusKm;
  const rowEnd = Math.floor((q.lat + dLat) / CELL_DEG);
  const colEnd = Math.floor((q.lon + dLon) / CELL_DEG);
  for (let row = Math.floor((q.lat - dLat) / CELL_DEG); row <= rowEnd; row++) {
    for (let col = Math.floor((q.lon - dLon) / CELL_DEG); col <= colEnd; col++) {
      for (const p of cells.get(cellKey(row, col)) ?? []) {
        const km = greatCircleKm(q, p);
        if (km <= bestKm) {
          bestKm = km;
          best = p;
        }
      }
    }
  }
  return best;
}

/** Area codes (see {@link AREA_CODE}) for a list of points. */
export function classifyAll(index: UrbanRuralIndex, points: readonly LatLon[]): Uint8Array {
  const out = new Uint8Array(points.length);
  for (let i = 0; i < points.length; i++) out[i] = AREA_CODE[index.classify(points[i]!)];
  return out;
}

/**
 * Parses the urban/rural points CSV (header `lsoa21cd,lsoa21nm,lat,lon,ruc11cd,area`, where
 * `area` is `urban` or `rural`). Only `lat`, `lon` and `area` are required.
 */
export function parseUrbanRuralCsv(text: string, source = "urban/rural CSV"): UrbanRuralPoint[] {
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true });
  return rows.map((row, i) => {
    const lat = Number(row.lat);
    const lon = Number(row.lon);
    const area = row.area;
    if (!isValidLatLon({ lat, lon }) || (area !== "urban" && area !== "rural")) {
      throw new TravelTimeError(
        "invalid-urban-rural-file",
        `${source} row ${i + 2}: expected numeric lat, lon and area urban|rural, got ` +
          `lat=${row.lat} lon=${row.lon} area=${area}`,
      );
    }
    return { lat, lon, urban: area === "urban" };
  });
}

/** Reads and parses an urban/rural points CSV file. */
export async function loadUrbanRuralPoints(path: string): Promise<UrbanRuralPoint[]> {
  const text = await readTextFile((p) => readFile(p, "utf8"), path, "invalid-urban-rural-file");
  return parseUrbanRuralCsv(text, path);
}
