import type { PlanView } from "@tt/contract";

type Run = PlanView["runs"][number];
type Stop = Run["stops"][number];

/** Where a trip request starts and ends, from the register. */
export interface TripEnds {
  readonly origin: EndPoint | undefined;
  readonly destination: EndPoint | undefined;
}

export interface EndPoint {
  readonly lon: number;
  readonly lat: number;
  /** A place's name, or "Home" — never a passenger's name or address on the map. */
  readonly label: string;
  readonly home: boolean;
}

/** Homes are shown to about 100 m: enough to see a run's shape, not to find a door. */
export const HOME_DECIMALS = 3;

export function roundHome(value: number): number {
  const factor = 10 ** HOME_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** The end a stop is at: a pick-up at the trip's origin, a drop-off at its destination. */
export function stopPoint(stop: Stop, ends: ReadonlyMap<string, TripEnds>): EndPoint | undefined {
  if (stop.kind === "break" || !stop.tripRequestId) return undefined;
  const trip = ends.get(stop.tripRequestId);
  return stop.kind === "pickup" ? trip?.origin : trip?.destination;
}

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
  /** [west, south, east, north] of every stop, or undefined when none could be placed. */
  readonly bounds: [number, number, number, number] | undefined;
  /** Stops with no position (their trip request, place or passenger could not be read). */
  readonly unplaced: number;
}

/** Runs as coloured lines through their stops, and the stops as points. */
export function planGeo(
  runs: readonly Run[],
  ends: ReadonlyMap<string, TripEnds>,
  colourOf: (index: number) => string,
): PlanGeo {
  const lines: Feature<Line>[] = [];
  const points: Feature<Point>[] = [];
  let unplaced = 0;
  const box = [180, 90, -180, -90] as [number, number, number, number];
  runs.forEach((run, index) => {
    const colour = colourOf(index);
    const coordinates: [number, number][] = [];
    for (const stop of run.stops) {
      if (stop.kind === "break") continue;
      const at = stopPoint(stop, ends);
      if (!at) {
        unplaced += 1;
        continue;
      }
      const xy: [number, number] = [at.lon, at.lat];
      coordinates.push(xy);
      box[0] = Math.min(box[0], at.lon);
      box[1] = Math.min(box[1], at.lat);
      box[2] = Math.max(box[2], at.lon);
      box[3] = Math.max(box[3], at.lat);
      points.push({
        type: "Feature",
        geometry: { type: "Point", coordinates: xy },
        properties: { run: index, colour, kind: stop.kind, label: at.label, home: at.home },
      });
    }
    if (coordinates.length > 1) {
      lines.push({
        type: "Feature",
        geometry: { type: "LineString", coordinates },
        properties: { run: index, colour },
      });
    }
  });
  return {
    runs: { type: "FeatureCollection", features: lines },
    stops: { type: "FeatureCollection", features: points },
    bounds: points.length > 0 ? box : undefined,
    unplaced,
  };
}
