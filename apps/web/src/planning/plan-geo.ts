import type { PlanMapView } from "@tt/contract";

type MapPoint = NonNullable<PlanMapView["unassigned"][number]["origin"]>;

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
}

type Box = [number, number, number, number];

function pointFeature(at: MapPoint, properties: Feature<Point>["properties"], box: Box) {
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
  map.runs.forEach((run, index) => {
    const colour = colourOf(index);
    const coordinates: [number, number][] = [];
    for (const stop of run.stops) {
      if (!stop.at) {
        unplaced += 1;
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
  const waiting = map.unassigned.flatMap((u) =>
    u.origin ? [pointFeature(u.origin, { home: u.origin.kind === "home" }, box)] : [],
  );
  return {
    runs: { type: "FeatureCollection", features: lines },
    stops: { type: "FeatureCollection", features: points },
    unassigned: { type: "FeatureCollection", features: waiting },
    bounds: points.length + waiting.length > 0 ? box : undefined,
    unplaced,
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
