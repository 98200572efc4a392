import type { Request, Vehicle } from "@tt/solver";
import { type InsertionOption, insertionOptions, type TimedRun } from "./insertion-options";
import type { LiveProblem } from "./live-problem";
import { runWithout, timedStop, toldWindowOf } from "./relieved-run";
import { checkedRun } from "./run-problem";
import { placeWithinTold } from "./told-place";

/** Runs tried, nearest to the pick-up first, and passengers on each whose move is tried [D]. */
const RUNS_TRIED = 4;
const PASSENGERS_TRIED = 8;
/** Minutes around the window told a run's stops count as near in time [D]. */
const NEAR_MINUTES = 60;

/** A place for the trip won by moving one passenger of its run to another run. */
export type MovedOption = InsertionOption & {
  readonly moved: {
    readonly tripRequestId: string;
    /** The passenger's place on its new run. */
    readonly option: InsertionOption;
  };
};

/**
 * When no run can take the trip in the window told as it stands (another booking took the last
 * room): a nearby run relieved of one passenger who fits on another run in the window they were
 * told, and that then takes the trip in its window told. Both runs keep every rule. The first such
 * move found, nearest run first; undefined when none.
 */
export function placeByMoving(
  live: LiveProblem,
  plan: { readonly runs: readonly TimedRun[] },
  request: Request,
  told: readonly [number, number],
): MovedOption | undefined {
  const from = Math.max(request.pickup.window[0], told[0]);
  const to = Math.min(request.pickup.window[1], told[1]);
  if (from > to) return undefined;
  const narrowed = { ...request, pickup: { ...request.pickup, window: [from, to] as const } };
  const withTrip = live.withRequests([request]);
  for (const run of nearestRuns(live, plan.runs, request, [from, to])) {
    const vehicle = live.base.vehicles.find((v) => v.id === run.vehicle);
    if (!vehicle) continue;
    const found = movingOne(live, withTrip, plan, vehicle, run, narrowed);
    if (found) return { ...found, pickupWindow: [told[0], told[1]] };
  }
  return undefined;
}

function movingOne(
  live: LiveProblem,
  withTrip: LiveProblem,
  plan: { readonly runs: readonly TimedRun[] },
  vehicle: Vehicle,
  run: TimedRun,
  narrowed: Request,
): MovedOption | undefined {
  const pickups = run.stops.filter((s) => s.kind === "pickup").slice(0, PASSENGERS_TRIED);
  for (const stop of pickups) {
    if (stop.kind !== "pickup" || stop.start === undefined) continue;
    const passenger = live.request(stop.request);
    if (!passenger) continue;
    // A run left with nobody is an unused vehicle: it takes the trip from its depot.
    const left = runWithout(live, vehicle, run.stops, stop.request);
    if (!left) continue;
    const [taken] = insertionOptions(live, { runs: [left.timed] }, narrowed, {
      only: vehicle.id,
      max: 1,
    }).options;
    if (!taken) continue;
    const runs = plan.runs.map((r) =>
      r.vehicle === vehicle.id ? { vehicle: vehicle.id, stops: taken.run.stops.map(timedStop) } : r,
    );
    const told = toldWindowOf(passenger.pickup.window, stop.start);
    const elsewhere = placeWithinTold(withTrip, { runs }, passenger, told);
    if (!elsewhere || elsewhere.vehicle === vehicle.id) continue;
    const before = checkedRun(live, vehicle, run.stops, false)?.run;
    return {
      ...taken,
      ...(before ? { before } : {}),
      moved: { tripRequestId: stop.request, option: elsewhere },
    };
  }
  return undefined;
}

/** The runs with a stop near the pick-up in place and time, nearest first. */
function nearestRuns(
  live: LiveProblem,
  runs: readonly TimedRun[],
  request: Request,
  [from, to]: readonly [number, number],
): TimedRun[] {
  const p = request.pickup.location;
  const scored = runs.flatMap((run) => {
    const near = run.stops.filter(
      (s) =>
        s.location !== undefined &&
        s.start !== undefined &&
        s.start >= from - NEAR_MINUTES &&
        s.start <= to + NEAR_MINUTES,
    );
    if (near.length === 0) return [];
    const score = Math.min(...near.map((s) => live.time(s.location ?? p, p)));
    return [{ run, score }];
  });
  scored.sort((a, b) => a.score - b.score || a.run.vehicle.localeCompare(b.run.vehicle));
  return scored.slice(0, RUNS_TRIED).map((s) => s.run);
}
