import type { PlanMapView } from "@tt/contract";

type MapPoint = NonNullable<PlanMapView["unassigned"][number]["origin"]>;
/** A point with a position: a place, or a home shown to a role that may read passengers. */
type PlacedPoint = Extract<MapPoint, { withheld: false }>;

interface Feature<G> {
  type: "Feature";
  geometry: G;
  properties: Record<string, string | number | boolean>;
}
type Point = { type: "Point"; coordinates: [number, number] };
type Line = { type: "LineString"; coordinates: [number, number][] };

export interface PlanGeo {
  readonly runs: { type: "FeatureCollection"; features: Feature<Line>[] };
  readonly stops: { type: "FeatureCollection"; features: Feature<Point>[] };
  /** Where unassigned requests are picked up. */
  readonly unassigned: { type: "FeatureCollection"; features: Feature<Point>[] };
  /** [west, south, east, north] of every point, or undefined when none could be placed. */
  readonly bounds: [number, number, number, number] | undefined;
  /** Stops with no position (their trip request, place or passenger is no longer stored). */
  readonly unplaced: number;
  /** Homes (stops and unassigned pick-ups) the server gave no position: the role may not read passengers. */
  readonly withheldHomes: number;
}

type Box = [number, number, number, number];

function pointFeature(at: PlacedPoint, properties: Feature<Point>["properties"], box: Box) {
  box[0] = Math.min(box[0], at.lon);
  box[1] = Math.min(box[1], at.lat);
  box[2] = Math.max(box[2], at.lon);
  box[3] = Math.max(box[3], at.lat);
  const label = at.name ?? "Home";
  const geometry: Point = { type: "Point", coordinates: [at.lon, at.lat] };
  return { type: "Feature" as const, geometry, properties: { ...properties, label } };
}

/** Runs as coloured lines through their stops, the stops as points, unassigned pick-ups apart. */
export function planGeo(map: PlanMapView, colourOf: (index: number) => string): PlanGeo {
  const lines: Feature<Line>[] = [];
  const points: Feature<Point>[] = [];
  const box: Box = [180, 90, -180, -90];
  let unplaced = 0;
  let withheldHomes = 0;
  map.runs.forEach((run, index) => {
    const colour = colourOf(index);
    const coordinates: [number, number][] = [];
    for (const stop of run.stops) {
      if (!stop.at) {
        unplaced += 1;
        continue;
      }
      if (stop.at.withheld) {
        // The line joins the stops that have a position; a withheld home is simply skipped.
        withheldHomes += 1;
        continue;
      }
      const home = stop.at.kind === "home";
      const feature = pointFeature(stop.at, { run: index, colour, kind: stop.kind, home }, box);
      points.push(feature);
      coordinates.push(feature.geometry.coordinates);
    }
    if (coordinates.length > 1) {
      const geometry: Line = { type: "LineString", coordinates };
      lines.push({ type: "Feature", geometry, properties: { run: index, colour } });
    }
  });
  const waiting: Feature<Point>[] = [];
  for (const { origin } of map.unassigned) {
    if (origin?.withheld) withheldHomes += 1;
    else if (origin) waiting.push(pointFeature(origin, { home: origin.kind === "home" }, box));
  }
  return {
    runs: { type: "FeatureCollection", features: lines },
    stops: { type: "FeatureCollection", features: points },
    unassigned: { type: "FeatureCollection", features: waiting },
    bounds: points.length + waiting.length > 0 ? box : undefined,
    unplaced,
    withheldHomes,
  };
}

/** Vehicle and trip request references by id, as the map route names them. */
export function planNames(map: PlanMapView | undefined) {
  const vehicles = new Map<string, string>();
  const trips = new Map<string, string>();
  for (const run of map?.runs ?? []) {
    if (run.vehicleReference) vehicles.set(run.vehicleId, run.vehicleReference);
    for (const s of run.stops) if (s.tripReference) trips.set(s.tripRequestId, s.tripReference);
  }
  for (const u of map?.unassigned ?? []) {
    if (u.tripReference) trips.set(u.tripRequestId, u.tripReference);
  }
  return {
    vehicle: (id: string) => vehicles.get(id) ?? `vehicle ${id.slice(0, 8)}`,
    reference: (id: string) => trips.get(id) ?? id.slice(0, 8),
  };
}
