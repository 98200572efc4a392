import {
  evaluate,
  insert,
  type Plan,
  type PlanStop,
  type Problem,
  type Request,
  type Run,
  type UnassignedReason,
  type Vehicle,
} from "@tt/solver";
import { TOLD_PICKUP_WINDOW } from "../planning-rules";
import type { LiveProblem } from "./live-problem";

/** How the trip changes the run for the passengers already on it. */
export interface Detour {
  /** Passengers on the run whose pick-up or ride changes. */
  readonly passengers: number;
  /** Minutes of ride time added to them, together. */
  readonly addedRideMinutes: number;
  /** The largest move of anyone's pick-up time, minutes (earlier or later). */
  readonly largestPickupShift: number;
}

/** One way to carry a new trip: a vehicle, when it calls, and what it costs everyone else. */
export interface InsertionOption {
  readonly vehicle: string;
  /** What serving the trip adds to the plan's cost, pounds (a vehicle not yet used adds its day). */
  readonly addedCost: number;
  /** Minutes after midnight the pick-up starts, and when the drop-off does. */
  readonly pickup: number;
  /** The window the passenger is told (`TOLD_PICKUP_WINDOW`), minutes after midnight. */
  readonly pickupWindow: readonly [number, number];
  readonly dropoff: number;
  readonly detour: Detour;
  /** The vehicle's run with the trip in it, scheduled (locations are the live Problem's). */
  readonly run: Run;
  /** The run as it was, scheduled; absent when the vehicle had none. */
  readonly before?: Run;
}

/** Why no vehicle can take the trip: the reasons the vehicles gave, most common first. */
export interface NoOption {
  readonly reason: UnassignedReason;
  readonly vehicles: number;
  readonly example: string;
}

export interface InsertionOptions {
  readonly options: readonly InsertionOption[];
  /** Filled when there is no option. */
  readonly refusals: readonly NoOption[];
}

/** A penalty so large that a trip the desk books is never left out as "not worth it". */
const BOOKING_PENALTY = 1e12;

/**
 * Up to `max` ways to put `request` into the plan, on different vehicles, cheapest first: for each
 * vehicle that has what the trip needs and is on duty at its time, the engine's own `insert()`
 * into that vehicle's run alone (every other run stays as it is, and nobody on the run is moved
 * outside their windows, since the engine keeps every rule). Each run is checked on a Problem of
 * its own stops only, read through the live Problem, so a county day costs its runs, not its
 * matrices.
 */
export function insertionOptions(
  live: LiveProblem,
  plan: Plan,
  request: Request,
  max = 3,
): InsertionOptions {
  const runs = new Map(plan.runs.map((run) => [run.vehicle, run]));
  const found: InsertionOption[] = [];
  const refused = new Map<UnassignedReason, NoOption>();
  for (const vehicle of live.base.vehicles) {
    const unfit = whyNot(vehicle, request);
    const stops = runs.get(vehicle.id)?.stops ?? [];
    const tried = unfit ?? tryRun(live, vehicle, stops, request);
    if ("option" in tried) found.push(tried.option);
    else {
      const seen = refused.get(tried.reason);
      refused.set(tried.reason, {
        reason: tried.reason,
        vehicles: (seen?.vehicles ?? 0) + 1,
        example: seen?.example ?? tried.message,
      });
    }
  }
  found.sort((a, b) => a.addedCost - b.addedCost || a.vehicle.localeCompare(b.vehicle));
  const options = found.slice(0, max);
  const refusals =
    options.length > 0 ? [] : [...refused.values()].sort((a, b) => b.vehicles - a.vehicles);
  return { options, refusals };
}

/** Why the vehicle cannot take the trip whatever its run: features, assistant, room or hours. */
function whyNot(vehicle: Vehicle, request: Request): Tried | undefined {
  const has = new Set(vehicle.features ?? []);
  const lacking = (request.features ?? []).filter((f) => !has.has(f));
  if (lacking.length > 0) {
    return { reason: "features", message: `${vehicle.id} has no ${lacking.join(", ")}` };
  }
  if (request.needsAssistant && vehicle.hasAssistant !== true) {
    return { reason: "features", message: `${vehicle.id} has no passenger assistant` };
  }
  if (!vehicle.layouts.some((l) => request.load.every((q, k) => q <= (l[k] ?? 0)))) {
    return { reason: "capacity", message: `no layout of ${vehicle.id} has room for the trip` };
  }
  if (vehicle.shift[0] > request.dropoff.window[1] || vehicle.shift[1] < request.pickup.window[0]) {
    return { reason: "time-window", message: `${vehicle.id} is off duty at the trip's time` };
  }
  return undefined;
}

type Tried =
  | { readonly option: InsertionOption }
  | { readonly reason: UnassignedReason; readonly message: string };

function tryRun(
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly PlanStop[],
  request: Request,
): Tried {
  const sub = runProblem(live, vehicle, stops, request);
  const before: Plan = { runs: stops.length > 0 ? [{ vehicle: vehicle.id, stops }] : [] };
  const outcome = insert(sub.problem, before, sub.request);
  if (!outcome.ok) return { reason: outcome.reason, message: outcome.message };
  const after = outcome.solution.runs.find((r) => r.vehicle === vehicle.id);
  if (!after) return { reason: "time-window", message: `${vehicle.id} has no run after all` };
  const earlier = stops.length > 0 ? evaluate(sub.problem, before).runs[0] : undefined;
  const own = (kind: string) =>
    after.stops.find((s) => s.kind === kind && "request" in s && s.request === request.id);
  const pickup = own("pickup")?.start ?? 0;
  return {
    option: {
      vehicle: vehicle.id,
      addedCost: outcome.addedCost,
      pickup,
      pickupWindow: [
        Math.max(request.pickup.window[0], pickup - TOLD_PICKUP_WINDOW.before),
        Math.min(request.pickup.window[1], pickup + TOLD_PICKUP_WINDOW.after),
      ],
      dropoff: own("dropoff")?.start ?? 0,
      detour: detourOf(earlier, after, request.id),
      run: sub.globalRun(after),
      ...(earlier ? { before: sub.globalRun(earlier) } : {}),
    },
  };
}

/** Pick-up and ride time of each request on a run. */
function ridesOf(run: Run | undefined): Map<string, { pickup: number; ride: number }> {
  const rides = new Map<string, { pickup: number; ride: number }>();
  for (const s of run?.stops ?? []) {
    if (s.kind === "break") continue;
    const seen = rides.get(s.request);
    if (s.kind === "pickup") rides.set(s.request, { pickup: s.start, ride: -s.departure });
    else if (seen) seen.ride += s.start;
  }
  return rides;
}

function detourOf(before: Run | undefined, after: Run, booked: string): Detour {
  const was = ridesOf(before);
  let passengers = 0;
  let addedRideMinutes = 0;
  let largestPickupShift = 0;
  for (const [id, now] of ridesOf(after)) {
    const then = was.get(id);
    if (id === booked || !then) continue;
    const shift = Math.abs(now.pickup - then.pickup);
    const longer = now.ride - then.ride;
    if (shift < 0.01 && Math.abs(longer) < 0.01) continue;
    passengers += 1;
    addedRideMinutes += Math.max(0, longer);
    largestPickupShift = Math.max(largestPickupShift, shift);
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    passengers,
    addedRideMinutes: round1(addedRideMinutes),
    largestPickupShift: round1(largestPickupShift),
  };
}

/** The request without references to requests outside the run (return-leg link, conflicts). */
function withinRun(request: Request, onRun: ReadonlySet<string>): Request {
  const { linkedRequest, incompatibleWith, ...rest } = request;
  const conflicts = incompatibleWith?.filter((id) => onRun.has(id));
  return {
    ...rest,
    ...(linkedRequest !== undefined && onRun.has(linkedRequest) ? { linkedRequest } : {}),
    ...(conflicts && conflicts.length > 0 ? { incompatibleWith: conflicts } : {}),
  };
}

interface RunProblem {
  readonly problem: Problem;
  /** The booked request in the run's Problem. */
  readonly request: Request;
  /** The run with the live Problem's locations. */
  globalRun(run: Run): Run;
}

/** A Problem of one vehicle, its run's requests and the new one, over their locations only. */
function runProblem(
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly PlanStop[],
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
  for (const s of stops) if (s.kind !== "break") onRun.add(s.request);
  const localise = (r: Request): Request => ({
    ...withinRun(r, onRun),
    pickup: { ...r.pickup, location: at(r.pickup.location) },
    dropoff: { ...r.dropoff, location: at(r.dropoff.location) },
  });
  const onRunRequests = [...onRun].flatMap((id) => {
    const r = id === request.id ? undefined : live.request(id);
    return r ? [localise(r)] : [];
  });
  const booked = localise({ ...request, penalty: BOOKING_PENALTY });
  const ownVehicle = { ...vehicle, start: at(vehicle.start), end: at(vehicle.end) };
  const square = (cell: (a: number, b: number) => number) =>
    global.map((a) => global.map((b) => cell(a, b)));
  const problem: Problem = {
    ...live.base,
    locations: global.map((g) => ({ id: String(g) })),
    matrices: {
      time: square((a, b) => live.time(a, b)),
      distance: square((a, b) => live.distance(a, b)),
    },
    requests: [...onRunRequests, booked],
    vehicles: [ownVehicle],
  };
  const globalRun = (run: Run): Run => ({
    ...run,
    stops: run.stops.map((s) => ({ ...s, location: global[s.location] ?? s.location })),
  });
  return { problem, request: booked, globalRun };
}
