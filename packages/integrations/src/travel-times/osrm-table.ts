import type { LatLon } from "@tt/app";
import { TravelTimeError } from "./errors";

/** The parts of an OSRM `table` response this adapter reads. */
export interface OsrmTableResponse {
  readonly code: string;
  readonly message?: string;
  readonly durations?: readonly (readonly (number | null)[])[];
  readonly distances?: readonly (readonly (number | null)[])[];
}

/** One `table` request: coordinates, and which of them are sources and destinations. */
export interface OsrmTableRequest {
  readonly coordinates: readonly LatLon[];
  /** Indices into `coordinates`; omitted = all. */
  readonly sources?: readonly number[];
  readonly destinations?: readonly number[];
}

const range = (from: number, count: number): number[] =>
  Array.from({ length: count }, (_, k) => from + k);

/** Builds `{baseUrl}/table/v1/{profile}/{lon,lat;...}?annotations=duration,distance[&sources&destinations]`. */
export function buildTableUrl(baseUrl: string, profile: string, request: OsrmTableRequest): string {
  const coords = request.coordinates
    .map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`)
    .join(";");
  const params = ["annotations=duration,distance"];
  if (request.sources) params.push(`sources=${request.sources.join(";")}`);
  if (request.destinations) params.push(`destinations=${request.destinations.join(";")}`);
  return `${baseUrl.replace(/\/+$/, "")}/table/v1/${encodeURIComponent(profile)}/${coords}?${params.join("&")}`;
}

/** A block of the full matrix answered by one request. */
export interface TableChunk {
  readonly originStart: number;
  readonly originCount: number;
  readonly destinationStart: number;
  readonly destinationCount: number;
  readonly request: OsrmTableRequest;
}

/**
 * Splits an n × m request into requests of at most `maxTableSize` coordinates. A square request
 * that fits is sent whole (all-to-all); otherwise blocks of ⌊max/2⌋ origins × ⌊max/2⌋ destinations.
 */
export function planTableChunks(
  origins: readonly LatLon[],
  destinations: readonly LatLon[] | undefined,
  maxTableSize: number,
): TableChunk[] {
  const n = origins.length;
  if (destinations === undefined && n <= maxTableSize) {
    if (n === 0) return [];
    return [
      {
        originStart: 0,
        originCount: n,
        destinationStart: 0,
        destinationCount: n,
        request: { coordinates: origins },
      },
    ];
  }
  const targets = destinations ?? origins;
  const block = Math.max(1, Math.floor(maxTableSize / 2));
  const chunks: TableChunk[] = [];
  for (let o = 0; o < n; o += block) {
    const a = Math.min(block, n - o);
    for (let d = 0; d < targets.length; d += block) {
      const b = Math.min(block, targets.length - d);
      const coordinates = [...origins.slice(o, o + a), ...targets.slice(d, d + b)];
      const request = { coordinates, sources: range(0, a), destinations: range(a, b) };
      chunks.push({
        originStart: o,
        originCount: a,
        destinationStart: d,
        destinationCount: b,
        request,
      });
    }
  }
  return chunks;
}

function readGrid(
  grid: OsrmTableResponse["durations"],
  what: string,
  rows: number,
  cols: number,
  url: string,
): readonly (readonly (number | null)[])[] {
  const ok =
    Array.isArray(grid) &&
    grid.length === rows &&
    grid.every((r) => Array.isArray(r) && r.length === cols);
  if (!ok || !grid) {
    throw new TravelTimeError(
      "osrm-bad-response",
      `OSRM response has no ${rows}×${cols} "${what}" array (${url})`,
    );
  }
  return grid;
}

/** Copies a chunk's response into the full row-major arrays; `null` cells become NaN. */
export function copyChunk(
  chunk: TableChunk,
  body: OsrmTableResponse,
  url: string,
  out: { durations: Float64Array; distances: Float64Array; width: number },
): void {
  const rows = chunk.originCount;
  const cols = chunk.destinationCount;
  const durations = readGrid(body.durations, "durations", rows, cols, url);
  const distances = readGrid(body.distances, "distances", rows, cols, url);
  for (let i = 0; i < rows; i++) {
    const base = (chunk.originStart + i) * out.width + chunk.destinationStart;
    for (let j = 0; j < cols; j++) {
      const t = durations[i]![j];
      const d = distances[i]![j];
      out.durations[base + j] = typeof t === "number" ? t : Number.NaN;
      out.distances[base + j] = typeof d === "number" ? d : Number.NaN;
    }
  }
}
