import type { Run, Vehicle } from "@tt/solver";
import type { StoredPlan } from "../../ports";
import { TOLD_PICKUP_WINDOW } from "../planning-rules";
import type { InsertionOption, TimedRun } from "./insertion-options";
import type { LiveProblem } from "./live-problem";
import { checkedRun, type TimedStop } from "./run-problem";
import { timedRuns } from "./timed-runs";
import { placeWithinTold } from "./told-place";

/** Passengers whose move to another run is tried, at most (the cheapest of them is taken) [D]. */
const MOVES_TRIED = 6;

/** A run relieved of one passenger, who goes to another run in the window they were told. */
export interface Relief {
  /** The vehicle's run without the passenger, keeping every rule. */
  readonly run: Run;
  readonly moved: string;
  /** The passenger's place on the other run. */
  readonly option: InsertionOption;
}

/** The pick-up window a passenger was told for a pick-up planned at `start`. */
export function toldWindowOf(window: readonly [number, number], start: number): [number, number] {
  return [
    Math.max(window[0], start - TOLD_PICKUP_WINDOW.before),
    Math.min(window[1], start + TOLD_PICKUP_WINDOW.after),
  ];
}

/**
 * A run that keeps no rule as it stands (a trip left it, and with it the place where the driver's
 * break fitted): the passenger whose leaving lets the rest keep every rule, and who fits on another
 * run picking up in the window they were told, the cheapest such move. The other runs are the
 * plan's (`runs`); the passenger may go back onto this vehicle in another place. Undefined when no
 * single move does.
 */
export function relievedRun(
  live: LiveProblem,
  runs: readonly TimedRun[],
  vehicle: Vehicle,
  stops: readonly TimedStop[],
): Relief | undefined {
  const others = runs.filter((r) => r.vehicle !== vehicle.id);
  let best: Relief | undefined;
  let tried = 0;
  for (const stop of stops) {
    if (stop.kind !== "pickup" || stop.start === undefined) continue;
    const request = live.request(stop.request);
    if (!request) continue;
    const left = runWithout(live, vehicle, stops, stop.request);
    // A run left with nobody needs no move to keep its rules.
    if (!left?.run) continue;
    const told = toldWindowOf(request.pickup.window, stop.start);
    const option = placeWithinTold(live, { runs: [...others, left.timed] }, request, told);
    tried++;
    if (option && (!best || option.addedCost < best.option.addedCost)) {
      best = { run: left.run, moved: stop.request, option };
    }
    if (tried >= MOVES_TRIED) break;
  }
  return best;
}

/**
 * The vehicle's run without one passenger, scheduled by the engine, when what is left keeps every
 * rule (no reordering: a quick check of many variants); a run left with nobody has no stops.
 * Undefined when what is left breaks a rule.
 */
export function runWithout(
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly TimedStop[],
  tripRequestId: string,
): { run?: Run; timed: TimedRun } | undefined {
  const rest = stops.filter((s) => s.kind === "break" || s.request !== tripRequestId);
  if (!rest.some((s) => s.kind === "pickup")) return { timed: { vehicle: vehicle.id, stops: [] } };
  const left = checkedRun(live, vehicle, rest, false);
  if (!left?.keepsRules) return undefined;
  return { run: left.run, timed: { vehicle: vehicle.id, stops: left.run.stops.map(timedStop) } };
}

/** An engine run's stop as the options read it. */
export function timedStop(s: Run["stops"][number]): TimedStop {
  return s.kind === "break"
    ? { kind: "break", break: s.break, location: s.location, start: s.start }
    : { kind: s.kind, request: s.request, location: s.location, start: s.start };
}

/** A passenger moved to another vehicle's run. */
export interface MovedPassenger {
  readonly tripRequestId: string;
  readonly vehicle: string;
}

/** The runs a change touches, by vehicle: as they were (when they were) and as they become. */
export type ChangedRuns = Map<string, { before?: Run; after?: Run }>;

/** The freed run rescheduled; when it then keeps no rule, relieved of one passenger. */
export function rescheduledRuns(
  plan: Pick<StoredPlan, "runs">,
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly TimedStop[],
): { runs: ChangedRuns; moved?: MovedPassenger } {
  const checked = checkedRun(live, vehicle, stops);
  const runs: ChangedRuns = new Map();
  if (!checked || checked.keepsRules) {
    runs.set(vehicle.id, { ...(checked ? { after: checked.run } : {}) });
    return { runs };
  }
  const others = timedRuns(plan).runs;
  const relief = relievedRun(live, others, vehicle, checked.run.stops.map(timedStop));
  if (!relief) {
    runs.set(vehicle.id, { after: checked.run });
    return { runs };
  }
  const { option } = relief;
  if (option.vehicle === vehicle.id) {
    runs.set(vehicle.id, { after: option.run });
  } else {
    runs.set(vehicle.id, { after: relief.run });
    runs.set(option.vehicle, {
      ...(option.before ? { before: option.before } : {}),
      after: option.run,
    });
  }
  return { runs, moved: { tripRequestId: relief.moved, vehicle: option.vehicle } };
}
