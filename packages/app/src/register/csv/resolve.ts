import { bngToWgs84, isBngInRange } from "@tt/domain";
import type { Draft, LookupKind, RowContext } from "./columns";

const WHAT: Record<LookupKind, { singular: string; key: "reference" | "name" }> = {
  passengers: { singular: "passenger", key: "reference" },
  places: { singular: "place", key: "reference" },
  funders: { singular: "funder", key: "name" },
  operators: { singular: "operator", key: "name" },
  termCalendars: { singular: "term calendar", key: "name" },
};

/** The id of the one row of `kind` with this reference or name; reports when there is not one. */
export function resolveId(
  context: RowContext,
  kind: LookupKind,
  column: string,
  key: unknown,
): string | undefined {
  if (typeof key !== "string" || key === "") return undefined;
  const ids = context.lookups.other[kind]?.find(key) ?? [];
  const { singular, key: by } = WHAT[kind];
  if (ids.length === 1) return ids[0];
  context.report(
    column,
    ids.length === 0
      ? `no ${singular} with ${by} "${key}" in your organisation`
      : `${ids.length} ${singular}s are named "${key}"; rename one so the name is unique`,
  );
  return undefined;
}

/** The reference or name of a linked row, for export. */
export function keyOf(
  lookups: RowContext["lookups"],
  kind: LookupKind,
  id: unknown,
): string | undefined {
  return typeof id === "string" ? lookups.other[kind]?.keyOf(id) : undefined;
}

const STAND_IN = { lat: 52, lon: 0 };

export interface CoordinateColumns {
  readonly lat: string;
  readonly lon: string;
  readonly easting: string;
  readonly northing: string;
}

/**
 * WGS84 latitude/longitude from either the lat/lon pair or the British National Grid pair
 * (converted). Reports a half-given pair, both pairs at once, or neither.
 */
export function resolveCoordinates(
  draft: Draft,
  names: CoordinateColumns,
  context: RowContext,
): { lat?: unknown; lon?: unknown } {
  // A cell that could not be read is reported already: stand in a point so nothing more is said.
  if (Object.values(names).some((column) => context.failed(column))) return STAND_IN;
  const latLon = pair(draft, "lat", "lon", names.lat, names.lon, context);
  const grid = pair(draft, "easting", "northing", names.easting, names.northing, context);
  if (latLon === "half" || grid === "half") return {};
  if (latLon && grid) {
    context.report(
      names.easting,
      `give ${names.lat}/${names.lon} or ${names.easting}/${names.northing}, not both`,
    );
    return {};
  }
  if (latLon) return { lat: latLon[0], lon: latLon[1] };
  if (!grid) {
    context.report(
      names.lat,
      `give ${names.lat} and ${names.lon}, or ${names.easting} and ${names.northing}`,
    );
    return {};
  }
  const [easting, northing] = grid as [number, number];
  if (!isBngInRange(easting, northing)) {
    context.report(names.easting, "easting/northing lie outside the British National Grid");
    return {};
  }
  return bngToWgs84(easting, northing);
}

function pair(
  draft: Draft,
  a: string,
  b: string,
  nameA: string,
  nameB: string,
  context: RowContext,
): [unknown, unknown] | "half" | undefined {
  const coordinates = (draft.coordinates ?? {}) as Draft;
  const first = coordinates[a];
  const second = coordinates[b];
  if (first === undefined && second === undefined) return undefined;
  if (first === undefined || second === undefined) {
    context.report(
      first === undefined ? nameA : nameB,
      `${nameA} and ${nameB} go together; give both`,
    );
    return "half";
  }
  return [first, second];
}
