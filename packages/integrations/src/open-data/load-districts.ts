import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LAD_CODE } from "./codes";
import { OpenDataError } from "./open-data-error";
import type { District, DistrictGeometry, Position } from "./types";

export const DISTRICTS_FILE = "districts.geojson";

type Fail = (column: string, problem: string) => never;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toPosition(value: unknown, fail: Fail): Position {
  if (!Array.isArray(value) || value.length < 2)
    return fail("coordinates", "position is not [lon, lat]");
  const [lon, lat] = value as unknown[];
  if (
    typeof lon !== "number" ||
    typeof lat !== "number" ||
    Math.abs(lon) > 180 ||
    Math.abs(lat) > 90
  ) {
    return fail("coordinates", `invalid position ${JSON.stringify(value)}`);
  }
  return [lon, lat];
}

function toPolygon(value: unknown, fail: Fail): Position[][] {
  if (!Array.isArray(value) || value.length === 0)
    return fail("coordinates", "polygon has no rings");
  return value.map((ring: unknown) => {
    if (!Array.isArray(ring) || ring.length < 4)
      return fail("coordinates", "ring has < 4 positions");
    return ring.map((p: unknown) => toPosition(p, fail));
  });
}

function toGeometry(value: unknown, fail: Fail): DistrictGeometry {
  if (!isRecord(value)) return fail("geometry", "missing");
  const coords = value.coordinates;
  if (value.type === "Polygon") return { type: "Polygon", coordinates: toPolygon(coords, fail) };
  if (value.type === "MultiPolygon" && Array.isArray(coords) && coords.length > 0) {
    return { type: "MultiPolygon", coordinates: coords.map((p: unknown) => toPolygon(p, fail)) };
  }
  return fail("geometry", `unsupported geometry ${String(value.type)}`);
}

function toDistrict(feature: unknown, index: number): District {
  const fail: Fail = (column, problem) => {
    throw new OpenDataError(DISTRICTS_FILE, index + 1, column, problem);
  };
  if (!isRecord(feature) || !isRecord(feature.properties)) return fail("properties", "missing");
  const { LAD22CD: code, LAD22NM: name } = feature.properties;
  if (typeof code !== "string" || !LAD_CODE.test(code)) return fail("LAD22CD", "not a LAD code");
  if (typeof name !== "string" || name === "") return fail("LAD22NM", "must not be empty");
  return { code, name, geometry: toGeometry(feature.geometry, fail) };
}

/** Loads the six simplified district outlines (data/districts.geojson); `row` is the feature number. */
export async function loadDistricts(dataDir: string): Promise<District[]> {
  const text = await readFile(join(dataDir, DISTRICTS_FILE), "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OpenDataError(
      DISTRICTS_FILE,
      undefined,
      undefined,
      `not valid JSON: ${String(error)}`,
    );
  }
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) {
    throw new OpenDataError(
      DISTRICTS_FILE,
      undefined,
      undefined,
      "not a GeoJSON FeatureCollection",
    );
  }
  return json.features.map(toDistrict);
}
