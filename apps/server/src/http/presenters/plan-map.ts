import type { PlanMap, PlanMapPoint, PlanMapRun, PlanMapUnassigned } from "@tt/app";
import type { PlanMapView } from "@tt/contract";
import type { ReadonlyView } from "./readonly-view";
import type { SameShape } from "./same-shape";

/** The contract's plan map and the app's describe the same data. */
const _map: SameShape<PlanMap, ReadonlyView<PlanMapView>> = true;
export const planMapShapeChecks = [_map];

type PointView = PlanMapView["runs"][number]["stops"][number]["at"];

const presentPoint = (point: PlanMapPoint | null): PointView => (point ? { ...point } : null);

function presentRun(run: PlanMapRun): PlanMapView["runs"][number] {
  return {
    ...run,
    stops: run.stops.map((stop) => ({ ...stop, at: presentPoint(stop.at) })),
  };
}

function presentUnassigned(u: PlanMapUnassigned): PlanMapView["unassigned"][number] {
  return { ...u, origin: presentPoint(u.origin), destination: presentPoint(u.destination) };
}

/** A plan on a map: places named, homes rounded or withheld, passengers never named. */
export function presentPlanMap(map: PlanMap): PlanMapView {
  return {
    ...map,
    runs: map.runs.map(presentRun),
    unassigned: map.unassigned.map(presentUnassigned),
  };
}
