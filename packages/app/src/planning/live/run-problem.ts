import {
  evaluate,
  type Plan,
  type PlanStop,
  type Problem,
  type Request,
  type Run,
  solve,
  type Vehicle,
  type Window,
} from "@tt/solver";
import type { LiveProblem } from "./live-problem";

/** A run to check: its vehicle and its stops (with their times, when the plan has them). */
export interface Candidate {
  readonly vehicle: Vehicle;
  readonly stops: readonly TimedStop[];
}

/** A stop of a run as the options read it: with where and when, when the plan says. */
export type TimedStop = PlanStop & { readonly location?: number; readonly start?: number };

/** A penalty so large that a trip the desk books is never left out as "not worth it". */
const BOOKING_PENALTY = 1e12;

/**
 * A request already on a run, as the run's Problem needs it: its sharing rules left out. Runs
 * keep their requests and their order, so rules among them are already kept; what matters is who
 * may share with the new trip, which `conflictsWith` gives the new trip itself.
 */
function onItsRun(request: Request): Request {
  const {
    linkedRequest: _l,
    incompatibleWith: _w,
    incompatibleGroups: _g,
    groups: _m,
    ...rest
  } = request;
  return rest;
}

/** True when the two may not share a vehicle (by name, or by group, either way round). */
function conflict(a: Request, b: Request): boolean {
  if (a.incompatibleWith?.includes(b.id) || b.incompatibleWith?.includes(a.id)) return true;
  const forbids = (x: Request, y: Request) =>
    (x.incompatibleGroups ?? []).some((g) => y.groups?.includes(g) === true);
  return forbids(a, b) || forbids(b, a);
}

export interface RunProblem {
  readonly problem: Problem;
  /** The runs as they are, in the engine's terms. */
  readonly plan: Plan;
  /** The booked request in the runs' Problem. */
  readonly request: Request;
  /** A run with the live Problem's locations. */
  globalRun(run: Run): Run;
}

/** Where a stop goes, without its times. */
const planStop = (s: TimedStop): PlanStop =>
  s.kind === "break" ? { kind: "break", break: s.break } : { kind: s.kind, request: s.request };

/** A Problem of these vehicles, their runs' requests and the new one, over their locations only. */
export function runProblem(
  live: LiveProblem,
  candidates: readonly Candidate[],
  request: Request,
): RunProblem {
  const global: number[] = [];
  const local = new Map<number, number>();
  const at = (g: number) => {
    let l = local.get(g);
    if (l === undefined) {
      l = global.length;
      local.set(g, l);
      global.push(g);
    }
    return l;
  };
  const onRun = new Set<string>([request.id]);
  for (const { stops } of candidates)
    for (const s of stops) if (s.kind !== "break") onRun.add(s.request);
  const localise = (r: Request): Request => ({
    ...r,
    pickup: { ...r.pickup, location: at(r.pickup.location) },
    dropoff: { ...r.dropoff, location: at(r.dropoff.location) },
  });
  const requests: Request[] = [];
  const conflicts: string[] = [];
  for (const id of onRun) {
    const r = id === request.id ? undefined : live.request(id);
    if (!r) continue;
    requests.push(localise(onItsRun(r)));
    if (conflict(r, request)) conflicts.push(r.id);
  }
  const { incompatibleWith: _w, incompatibleGroups: _g, groups: _m, ...plain } = request;
  const booked = localise({
    ...plain,
    penalty: BOOKING_PENALTY,
    ...(conflicts.length > 0 ? { incompatibleWith: conflicts } : {}),
  });
  const vehicles = candidates.map(({ vehicle }) => ({
    ...vehicle,
    start: at(vehicle.start),
    end: at(vehicle.end),
  }));
  const problem: Problem = {
    ...live.base,
    locations: global.map((g) => ({ id: String(g) })),
    matrices: live.between(global),
    requests: [...requests, booked],
    vehicles,
  };
  const plan: Plan = {
    runs: candidates
      .filter(({ stops }) => stops.length > 0)
      .map(({ vehicle, stops }) => ({ vehicle: vehicle.id, stops: stops.map(planStop) })),
  };
  const globalRun = (run: Run): Run => ({
    ...run,
    stops: run.stops.map((s) => ({ ...s, location: global[s.location] ?? s.location })),
  });
  return { problem, plan, request: booked, globalRun };
}

/** The pick-up window from the planned time on (inside the window), when there is one. */
function notEarlier(window: Window, planned: number | undefined): Window {
  if (planned === undefined) return window;
  return [Math.min(Math.max(window[0], planned), window[1]), window[1]];
}

/**
 * The run's stops evaluated as they stand; when that breaks a rule, the driver's breaks placed
 * where the run breaks none, the cheapest such: a break the run has moved to another place, or
 * one of the vehicle's breaks the run did not need before put in (a run a trip left can drive
 * longer between breaks: a direct leg can take longer than the legs through the trip's stop). As
 * they stand when no place keeps every rule. The rules must hold on `told` (the pick-ups not
 * earlier than planned, as scheduled) and on `plain` (the trips' own windows, as the plan is
 * checked again later): a run that waits for a told time can drive longer without a break once
 * the wait is not required.
 */
function ruleKeeping(
  problems: { told: Problem; plain: Problem; ruled: Problem },
  vehicle: Vehicle,
  stops: readonly PlanStop[],
  reorder: boolean,
): { scheduled: ReturnType<typeof evaluate>; keepsRules: boolean } {
  const { told, plain } = problems;
  const tryStops = (sequence: PlanStop[]) => {
    const plan = { runs: [{ vehicle: vehicle.id, stops: sequence }] };
    const scheduled = evaluate(told, plan);
    const broken = scheduled.violations.length + evaluate(plain, plan).violations.length;
    return { scheduled, broken };
  };
  const asIs = tryStops([...stops]);
  const broken = { scheduled: asIs.scheduled, keepsRules: false };
  if (asIs.broken === 0) return { scheduled: asIs.scheduled, keepsRules: true };
  const taken = new Set(stops.flatMap((s) => (s.kind === "break" ? [s.break] : [])));
  const missing = (vehicle.breaks ?? [])
    .filter((b) => !taken.has(b.id))
    .map((b): PlanStop => ({ kind: "break", break: b.id }));
  const placings = [
    ...stops.flatMap((stop, from) =>
      stop.kind === "break" ? [{ stop, others: stops.filter((_, i) => i !== from) }] : [],
    ),
    ...missing.map((stop) => ({ stop, others: [...stops] })),
  ];
  let best: ReturnType<typeof evaluate> | undefined;
  for (const { stop, others } of placings) {
    for (let to = 0; to <= others.length; to++) {
      const tried = tryStops([...others.slice(0, to), stop, ...others.slice(to)]);
      if (tried.broken > 0) continue;
      if (!best || tried.scheduled.objective < best.objective) best = tried.scheduled;
    }
  }
  if (best) return { scheduled: best, keepsRules: true };
  if (!reorder) return broken;
  // No place for the break keeps the rules (the legs around it changed): the run reordered by
  // the engine, its passengers' sharing rules kept, every one of them still on it.
  const reordered = reorderedRun(problems.ruled, vehicle, stops);
  const checked = reordered && tryStops([...reordered]);
  return checked && checked.broken === 0
    ? { scheduled: checked.scheduled, keepsRules: true }
    : broken;
}

/** Search iterations for a run to reorder: a few hundred settle a run of one vehicle [D]. */
const REORDER_ITERATIONS = 400;

/** The run's stops in an order the engine finds keeping every rule (`ruled`), or none. */
function reorderedRun(
  ruled: Problem,
  vehicle: Vehicle,
  stops: readonly PlanStop[],
): readonly PlanStop[] | undefined {
  const initial = { runs: [{ vehicle: vehicle.id, stops: [...stops] }] };
  const solution = solve(ruled, { seed: 1, iterations: REORDER_ITERATIONS, initial });
  if (solution.unassigned.length > 0) return undefined;
  return solution.runs[0]?.stops.map(
    (s): PlanStop =>
      s.kind === "break" ? { kind: "break", break: s.break } : { kind: s.kind, request: s.request },
  );
}

/**
 * The vehicle's run with these stops, scheduled by the engine on a Problem of the run alone
 * (locations the live Problem's): a run a cancellation left with fewer stops. Nobody is picked up
 * earlier than the stop's planned time (its `start`, the time they were told): the vehicle waits
 * instead, so the times around the driver's break stay as they were. Undefined when no passenger
 * stop is left.
 */
export function scheduledRun(
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly TimedStop[],
): Run | undefined {
  return checkedRun(live, vehicle, stops)?.run;
}

/**
 * `scheduledRun`, saying whether the run keeps every rule (`keepsRules`); when it cannot, the run
 * as it stands. `reorder: false` skips the engine's reordering (a quick check of many variants).
 */
export function checkedRun(
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly TimedStop[],
  reorder = true,
): { run: Run; keepsRules: boolean } | undefined {
  const kept = stops.filter((s) => s.kind === "break" || live.request(s.request) !== undefined);
  if (!kept.some((s) => s.kind !== "break")) return undefined;
  const global: number[] = [];
  const local = new Map<number, number>();
  const at = (g: number) => {
    const found = local.get(g);
    if (found !== undefined) return found;
    local.set(g, global.length);
    global.push(g);
    return global.length - 1;
  };
  const onRun = new Set(kept.flatMap((s) => (s.kind === "pickup" ? [s.request] : [])));
  const requests = kept.flatMap((s) => {
    const r = s.kind === "pickup" ? live.request(s.request) : undefined;
    if (!r) return [];
    const { pickup, dropoff } = r;
    const local = {
      ...onItsRun(r),
      pickup: { ...pickup, location: at(pickup.location) },
      dropoff: { ...dropoff, location: at(dropoff.location) },
    };
    const told = {
      ...local,
      pickup: { ...local.pickup, window: notEarlier(pickup.window, s.start) },
    };
    const { incompatibleWith, incompatibleGroups, groups } = r;
    const ruled = {
      ...told,
      ...(incompatibleGroups ? { incompatibleGroups } : {}),
      ...(groups ? { groups } : {}),
      incompatibleWith: (incompatibleWith ?? []).filter((id) => onRun.has(id)),
    };
    return [{ told, plain: local, ruled }];
  });
  const own = { ...vehicle, start: at(vehicle.start), end: at(vehicle.end) };
  const matrices = live.between(global);
  const problem = (of: "told" | "plain" | "ruled"): Problem => ({
    ...live.base,
    locations: global.map((g) => ({ id: String(g) })),
    matrices,
    requests: requests.map((r) => r[of]),
    vehicles: [own],
  });
  const problems = { told: problem("told"), plain: problem("plain"), ruled: problem("ruled") };
  const { scheduled, keepsRules } = ruleKeeping(problems, vehicle, kept.map(planStop), reorder);
  const run = scheduled.runs[0];
  if (!run) return undefined;
  const stopsThere = run.stops.map((s) => ({ ...s, location: global[s.location] ?? s.location }));
  return { run: { ...run, stops: stopsThere }, keepsRules };
}
