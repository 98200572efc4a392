import { z } from "zod";

/** A position as GeoJSON writes it: `[longitude, latitude]`, WGS84. */
export type Position = readonly [number, number];
/** A polygon's rings: the outer boundary first, then any holes; each ring closed. */
export type PolygonRings = readonly (readonly Position[])[];

/** A consortium's area: a GeoJSON Polygon or MultiPolygon in WGS84. */
export type Area =
  | { readonly type: "Polygon"; readonly coordinates: PolygonRings }
  | { readonly type: "MultiPolygon"; readonly coordinates: readonly PolygonRings[] };

/** Vertices an area may have in all, at most: a parish boundary simplified for the map [D]. */
export const MAX_AREA_VERTICES = 5000;

/** Great Britain's extent, as places' coordinates are checked (`latitudeSchema`). */
const LAT = { min: 49.8, max: 61 };
const LON = { min: -8.7, max: 1.9 };

const positionSchema = z
  .tuple([z.number(), z.number()], { message: "expected [longitude, latitude]" })
  .superRefine(([lon, lat], ctx) => {
    if (lon < LON.min || lon > LON.max) {
      ctx.addIssue({ code: "custom", message: "longitude must be between -8.7 and 1.9" });
    }
    if (lat < LAT.min || lat > LAT.max) {
      ctx.addIssue({ code: "custom", message: "latitude must be between 49.8 and 61" });
    }
  });

const ringSchema = z
  .array(positionSchema)
  .min(4, { message: "a ring needs at least 4 positions (3 corners and the first again)" })
  .refine((ring) => sameSpot(ring[0], ring[ring.length - 1]), {
    message: "a ring must be closed: its last position repeats its first",
  });

const polygonSchema = z.array(ringSchema).min(1, { message: "give the outer ring" }).max(50);

const sameSpot = (a?: readonly number[], b?: readonly number[]) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

const vertices = (polygons: readonly PolygonRings[]) =>
  polygons.reduce((sum, rings) => sum + rings.reduce((s, r) => s + r.length, 0), 0);

/** An area as received: checked ring by ring, its errors naming the position (`coordinates.0.3`). */
export const areaSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("Polygon"), coordinates: polygonSchema }),
    z.object({
      type: z.literal("MultiPolygon"),
      coordinates: z.array(polygonSchema).min(1, { message: "give at least one polygon" }).max(50),
    }),
  ])
  .refine((area) => vertices(polygonsOf(area as Area)) <= MAX_AREA_VERTICES, {
    message: `at most ${MAX_AREA_VERTICES} positions in all: simplify the boundary`,
    path: ["coordinates"],
  });

function polygonsOf(area: Area): readonly PolygonRings[] {
  return area.type === "Polygon" ? [area.coordinates] : area.coordinates;
}

/** True when the point crosses the ring's edges an odd number of times (ray casting). */
function insideRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * True when the point lies in the area: inside the outer ring of one of its polygons and in none
 * of that polygon's holes. A point exactly on an edge may fall either side.
 */
export function isInArea(
  area: Area,
  point: { readonly lat: number; readonly lon: number },
): boolean {
  return polygonsOf(area).some(
    ([outer, ...holes]) =>
      outer !== undefined &&
      insideRing(point.lon, point.lat, outer) &&
      !holes.some((hole) => insideRing(point.lon, point.lat, hole)),
  );
}
