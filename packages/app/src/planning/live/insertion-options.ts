import {
  evaluate,
  insert,
  insertionCosts,
  type Plan,
  type Request,
  type Run,
  type UnassignedReason,
  type Vehicle,
} from "@tt/solver";
import { TOLD_PICKUP_WINDOW } from "../planning-rules";
import { detourOf } from "./detour";
import type { LiveProblem } from "./live-problem";
import { type Candidate, type RunProblem, runProblem, type TimedStop } from "./run-problem";

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
  /** Vehicles farther off not tried, the search having found nothing among the nearest. */
  readonly untried: number;
}

/** A run as the options read it: the stored plan's runs carry their stops' times. */
export interface TimedRun {
  readonly vehicle: string;
  readonly stops: readonly TimedStop[];
}

export interface OptionSearch {
  /** How many options, at most (default 3). */
  readonly max?: number;
  /** Try only this vehicle (booking the option chosen). */
  readonly only?: string;
  /**
   * Runs tried at least, nearest first, before the search stops with `max` options (default 24):
   * the rest are tried only while fewer than `max` were found.
   */
  readonly atLeast?: number;
  /** Try every vehicle that could carry the trip, however far (default: the nearest only). */
  readonly all?: boolean;
}

/**
 * Once an option is found, runs tried at most, in `atLeast`s; with none found, runs tried before
 * the search says so (the nearest, in place and time: farther runs would take the trip far out of
 * their way) unless `all` is asked for [D].
 */
const SOME_FOUND_TRIED = 2;
const NONE_FOUND_TRIED = 2;

/** Minutes a vehicle not yet used counts as farther away: it adds its day's cost [D]. */
const UNUSED_VEHICLE_MINUTES = 30;
/** Weight of a stop's distance in time from the pick-up window against its distance in travel. */
const TIME_GAP_WEIGHT = 0.5;

/**
 * Runs checked together in one Problem: the engine prices the trip on each in one compile. Small,
 * since the Problem's matrices grow with the square of its locations.
 */
const BATCH = 8;
/** Runs tried at least before the search may stop with its options. */
const AT_LEAST = 24;
/** The nearest runs that cannot take the trip asked why, when no run can (for the agent). */
const EXPLAINED = 5;

/**
 * Up to `max` ways to put `request` into the plan, on different vehicles, cheapest first: for each
 * vehicle that has what the trip needs and is on duty at its time, the engine's own cheapest
 * insertion into that vehicle's run (`insertionCosts`, then `insert()` for the options shown):
 * every other run stays as it is, and nobody on the run is moved outside their windows, since the
 * engine keeps every rule. Runs are checked on Problems of their own stops only, read through the
 * live Problem, so a county day costs its runs, not its matrices. Runs are tried nearest first (in
 * place and time, from their stops' times), `BATCH` at a time; once `atLeast` were tried and `max`
 * options found, farther runs are not.
 */
export function insertionOptions(
  live: LiveProblem,
  plan: { readonly runs: readonly TimedRun[] },
  request: Request,
  search: OptionSearch = {},
): InsertionOptions {
  const max = search.max ?? 3;
  const atLeast = search.atLeast ?? AT_LEAST;
  const runs = new Map(plan.runs.map((run) => [run.vehicle, run]));
  const refused = new Refusals();
  const scored: (Candidate & { score: number })[] = [];
  for (const vehicle of live.base.vehicles) {
    if (search.only !== undefined && vehicle.id !== search.only) continue;
    const unfit = whyNot(vehicle, request);
    const stops = runs.get(vehicle.id)?.stops ?? [];
    if (unfit) refused.add(unfit);
    else scored.push({ vehicle, stops, score: nearness(live, vehicle, stops, request) });
  }
  scored.sort((a, b) => a.score - b.score || a.vehicle.id.localeCompare(b.vehicle.id));
  const priced: (Candidate & { addedCost: number })[] = [];
  const unpriced: Candidate[] = [];
  let untried = 0;
  for (let k = 0; k < scored.length; k += BATCH) {
    if (priced.length >= max && k >= atLeast) break;
    if (priced.length > 0 && k >= SOME_FOUND_TRIED * atLeast) break;
    if (search.all !== true && k >= NONE_FOUND_TRIED * atLeast) {
      untried = scored.length - k;
      break;
    }
    const batch = scored.slice(k, k + BATCH);
    const costs = new Map(priceBatch(live, batch, request).map((c) => [c.vehicle, c.addedCost]));
    for (const candidate of batch) {
      const addedCost = costs.get(candidate.vehicle.id);
      if (addedCost === undefined) unpriced.push(candidate);
      else priced.push({ ...candidate, addedCost });
    }
  }
  priced.sort((a, b) => a.addedCost - b.addedCost || a.vehicle.id.localeCompare(b.vehicle.id));
  const options: InsertionOption[] = [];
  for (const candidate of priced) {
    if (options.length >= max) break;
    const tried = tryRun(live, candidate.vehicle, candidate.stops, request);
    if ("outcome" in tried) options.push(optionOf(tried, request));
  }
  if (options.length > 0) return { options, refusals: [], untried };
  for (const candidate of unpriced.slice(0, EXPLAINED)) {
    const tried = tryRun(live, candidate.vehicle, candidate.stops, request);
    if (!("outcome" in tried)) refused.add(tried);
  }
  return { options, refusals: refused.list(), untried };
}

/** Why vehicles cannot take the trip, counted by reason with the first example of each. */
class Refusals {
  private readonly byReason = new Map<UnassignedReason, NoOption>();

  add(tried: Refused): void {
    const seen = this.byReason.get(tried.reason);
    this.byReason.set(tried.reason, {
      reason: tried.reason,
      vehicles: (seen?.vehicles ?? 0) + 1,
      example: seen?.example ?? tried.message,
    });
  }

  list(): NoOption[] {
    return [...this.byReason.values()].sort((a, b) => b.vehicles - a.vehicles);
  }
}

/** The engine's cheapest insertion of the trip on each run of the batch, in one Problem. */
function priceBatch(live: LiveProblem, batch: readonly Candidate[], request: Request) {
  const sub = runProblem(live, batch, request);
  return insertionCosts(sub.problem, sub.plan, sub.request);
}

/**
 * How near the run comes to the pick-up, in minutes: its stop nearest in travel time, counting too
 * how far that stop's time lies outside the pick-up window. Runs without times all count as near.
 */
function nearness(
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly TimedStop[],
  request: Request,
): number {
  const p = request.pickup.location;
  const [early, late] = request.pickup.window;
  if (stops.length === 0) return live.time(vehicle.start, p) + UNUSED_VEHICLE_MINUTES;
  let best = Number.POSITIVE_INFINITY;
  for (const s of stops) {
    if (s.location === undefined || s.start === undefined) return 0;
    const gap = s.start < early ? early - s.start : s.start > late ? s.start - late : 0;
    best = Math.min(best, live.time(s.location, p) + TIME_GAP_WEIGHT * gap);
  }
  return best;
}

/** Why the vehicle cannot take the trip whatever its run: features, assistant, room or hours. */
function whyNot(vehicle: Vehicle, request: Request): Refused | undefined {
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

interface Refused {
  readonly reason: UnassignedReason;
  readonly message: string;
}

/** A run that can take the trip: the engine's outcome, kept until the options are chosen. */
interface Found {
  readonly vehicle: Vehicle;
  readonly addedCost: number;
  readonly outcome: Extract<ReturnType<typeof insert>, { ok: true }>;
  readonly sub: RunProblem;
  readonly before: Plan;
}

function tryRun(
  live: LiveProblem,
  vehicle: Vehicle,
  stops: readonly TimedStop[],
  request: Request,
): Found | Refused {
  const sub = runProblem(live, [{ vehicle, stops }], request);
  const outcome = insert(sub.problem, sub.plan, sub.request);
  if (!outcome.ok) return { reason: outcome.reason, message: outcome.message };
  return { vehicle, addedCost: outcome.addedCost, outcome, sub, before: sub.plan };
}

/** An option in full: the run's schedule with the trip, and what it changes for the others. */
function optionOf(found: Found, request: Request): InsertionOption {
  const { vehicle, outcome, sub, before } = found;
  const after = outcome.solution.runs.find((r) => r.vehicle === vehicle.id)!;
  const earlier = before.runs.length > 0 ? evaluate(sub.problem, before).runs[0] : undefined;
  const own = (kind: string) =>
    after.stops.find((s) => s.kind === kind && "request" in s && s.request === request.id);
  const pickup = own("pickup")?.start ?? 0;
  return {
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
  };
}
