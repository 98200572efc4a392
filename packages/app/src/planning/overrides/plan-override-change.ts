import type { DomainIssue } from "@tt/domain";
import {
  insert,
  type Plan,
  type PlanRun,
  type PlanStop,
  type Problem,
  type Request,
} from "@tt/solver";
import { AppError } from "../../shared";

/** A stop of an edited run: a pick-up or drop-off of a trip request, or a driver's break. */
export type EditedStop =
  | { readonly kind: "pickup" | "dropoff"; readonly tripRequestId: string }
  | { readonly kind: "break"; readonly breakId: string };

/** One vehicle's run as a planner edits it; `layout` omitted = the first layout that fits. */
export interface EditedRun {
  readonly vehicleId: string;
  readonly layout?: number;
  readonly stops: readonly EditedStop[];
}

/**
 * Positions in the target run's stop list (breaks included) after the request's own stops are
 * taken out: the pick-up goes before the stop now at `pickup`, the drop-off before the stop now at
 * `dropoff` (equal: straight after the pick-up); the list's length means "at the end".
 */
export interface MovePosition {
  readonly pickup: number;
  readonly dropoff: number;
}

export interface MoveChange {
  readonly request: string;
  readonly toVehicle: string;
  /** Omitted: the engine's cheapest position that keeps every rule (`insert()`). */
  readonly position?: MovePosition;
}

/** A proposed change in planners' terms: move one request, or a whole edited plan. */
export type PlanChange = { readonly move: MoveChange } | { readonly runs: readonly EditedRun[] };

/** A penalty so large that a planner's move is never refused as "not worth it". */
const MOVE_PENALTY = 1e12;

const invalid = (message: string, issues: DomainIssue[]) =>
  new AppError("validation-failed", message, issues);

const withoutRequest = (stops: readonly PlanStop[], request: string) =>
  stops.filter((s) => s.kind === "break" || s.request !== request);

/** The plan after the change, in the engine's terms; throws `validation-failed` naming the field. */
export function applyChange(problem: Problem, current: Plan, change: PlanChange): Plan {
  return "move" in change
    ? applyMove(problem, current, change.move)
    : { runs: checkRuns(problem, change.runs) };
}

function applyMove(problem: Problem, current: Plan, move: MoveChange): Plan {
  const issues: DomainIssue[] = [];
  if (!problem.requests.some((r) => r.id === move.request)) {
    issues.push({ path: "move.request", message: `no trip request ${move.request} in this plan` });
  }
  if (!problem.vehicles.some((v) => v.id === move.toVehicle)) {
    issues.push({ path: "move.toVehicle", message: `no vehicle ${move.toVehicle} in this plan` });
  }
  if (issues.length > 0) throw invalid("The move names something this plan does not have.", issues);
  const without = current.runs.map((run) => ({
    ...run,
    stops: withoutRequest(run.stops, move.request),
  }));
  const target = without.find((run) => run.vehicle === move.toVehicle);
  const base = target?.stops ?? [];
  const stops = move.position
    ? placeAt(base, move.request, move.position)
    : bestPlace(problem, base, move);
  const moved: PlanRun = { vehicle: move.toVehicle, stops };
  const runs = target ? without.map((run) => (run === target ? moved : run)) : [...without, moved];
  // A run the move leaves without passengers is no run at all.
  return { runs: runs.filter((run) => run.stops.some((s) => s.kind !== "break")) };
}

function placeAt(base: readonly PlanStop[], request: string, at: MovePosition): PlanStop[] {
  const n = base.length;
  const issues: DomainIssue[] = [];
  if (!Number.isInteger(at.pickup) || at.pickup < 0 || at.pickup > n) {
    issues.push({ path: "move.position.pickup", message: `expected 0 to ${n}` });
  }
  if (!Number.isInteger(at.dropoff) || at.dropoff < at.pickup || at.dropoff > n) {
    issues.push({ path: "move.position.dropoff", message: `expected ${at.pickup} to ${n}` });
  }
  if (issues.length > 0) {
    throw invalid(`The positions are outside the run (it has ${n} stops after the move).`, issues);
  }
  return [
    ...base.slice(0, at.pickup),
    { kind: "pickup", request },
    ...base.slice(at.pickup, at.dropoff),
    { kind: "dropoff", request },
    ...base.slice(at.dropoff),
  ];
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

/** The engine's own cheapest insertion, into the target vehicle's run only. */
function bestPlace(problem: Problem, base: readonly PlanStop[], move: MoveChange): PlanStop[] {
  const vehicle = problem.vehicles.find((v) => v.id === move.toVehicle)!;
  const request = problem.requests.find((r) => r.id === move.request)!;
  // Only the run's own requests and the one moved: where it goes in one run depends on no other,
  // and a county day's other thousands would be compiled for nothing on every move.
  const onRun = new Set(base.flatMap((s) => (s.kind === "break" ? [] : [s.request])));
  onRun.add(request.id);
  const only: Problem = {
    ...problem,
    vehicles: [vehicle],
    requests: problem.requests
      .filter((r) => onRun.has(r.id))
      .map((r) => withinRun(r === request ? { ...r, penalty: MOVE_PENALTY } : r, onRun)),
  };
  const plan: Plan = { runs: base.length > 0 ? [{ vehicle: vehicle.id, stops: base }] : [] };
  const moved = only.requests.find((r) => r.id === request.id) ?? request;
  const outcome = insert(only, plan, moved);
  if (!outcome.ok) {
    throw invalid(
      `No position in the run of vehicle ${vehicle.id} keeps every rule for ${request.id}: ${outcome.message}. Give a position to see the violations.`,
      [{ path: "move.position", message: outcome.message }],
    );
  }
  const run = outcome.solution.runs.find((r) => r.vehicle === vehicle.id);
  return (run?.stops ?? []).map((s) =>
    s.kind === "break" ? { kind: "break", break: s.break } : { kind: s.kind, request: s.request },
  );
}

/**
 * A whole edited plan in the engine's terms. Refuses (422, every problem listed) what is not a
 * plan at all: unknown vehicles, requests or breaks, a vehicle twice, a request not picked up and
 * dropped off exactly once by one run in that order. Rules of service are `evaluate()`'s to check.
 */
export function checkRuns(problem: Problem, runs: readonly EditedRun[]): PlanRun[] {
  const check: RunCheck = {
    requests: new Set(problem.requests.map((r) => r.id)),
    vehicles: new Map(problem.vehicles.map((v) => [v.id, v])),
    seenVehicles: new Set<string>(),
    seen: new Map(),
    issues: [],
  };
  const out = runs.map((run, i) => checkRun(run, i, check));
  for (const [id, s] of check.seen) {
    if (!s.dropoff) {
      check.issues.push({
        path: `runs.${s.run}`,
        message: `${id} is picked up but never dropped off`,
      });
    }
  }
  if (check.issues.length > 0) throw invalid("The edited runs are not a plan.", check.issues);
  // A run with no passengers (breaks at most) is no run at all.
  return out.filter((run) => run.stops.some((s) => s.kind !== "break"));
}

interface RunCheck extends StopCheck {
  readonly vehicles: ReadonlyMap<string, Problem["vehicles"][number]>;
  readonly seenVehicles: Set<string>;
}

function checkRun(run: EditedRun, i: number, check: RunCheck): PlanRun {
  const { issues } = check;
  const at = `runs.${i}`;
  const vehicle = check.vehicles.get(run.vehicleId);
  if (!vehicle) {
    issues.push({ path: `${at}.vehicleId`, message: `no vehicle ${run.vehicleId} in this plan` });
  }
  if (check.seenVehicles.has(run.vehicleId)) {
    issues.push({ path: `${at}.vehicleId`, message: `vehicle ${run.vehicleId} has another run` });
  }
  check.seenVehicles.add(run.vehicleId);
  const layouts = vehicle?.layouts.length ?? 0;
  if (run.layout !== undefined && vehicle && !(run.layout >= 0 && run.layout < layouts)) {
    issues.push({ path: `${at}.layout`, message: `expected 0 to ${layouts - 1}` });
  }
  const breaks = new Set((vehicle?.breaks ?? []).map((b) => b.id));
  const stops = run.stops.map((stop, k): PlanStop => {
    const path = `${at}.stops.${k}`;
    if (stop.kind !== "break") {
      checkStop(stop, i, path, check);
      return { kind: stop.kind, request: stop.tripRequestId };
    }
    if (vehicle && !breaks.has(stop.breakId)) {
      const message = `vehicle ${run.vehicleId} has no break ${stop.breakId}`;
      issues.push({ path: `${path}.breakId`, message });
    }
    return { kind: "break", break: stop.breakId };
  });
  return {
    vehicle: run.vehicleId,
    ...(run.layout === undefined ? {} : { layout: run.layout }),
    stops,
  };
}

interface StopCheck {
  readonly requests: ReadonlySet<string>;
  readonly seen: Map<string, { run: number; pickup: boolean; dropoff: boolean }>;
  readonly issues: DomainIssue[];
}

function checkStop(
  stop: { kind: "pickup" | "dropoff"; tripRequestId: string },
  run: number,
  path: string,
  { requests, seen, issues }: StopCheck,
): void {
  const id = stop.tripRequestId;
  if (!requests.has(id)) {
    issues.push({ path: `${path}.tripRequestId`, message: `no trip request ${id} in this plan` });
    return;
  }
  const state = seen.get(id);
  if (stop.kind === "pickup") {
    if (state) issues.push({ path, message: `${id} is picked up more than once` });
    else seen.set(id, { run, pickup: true, dropoff: false });
    return;
  }
  if (!state || state.run !== run) {
    issues.push({
      path,
      message: `${id} is dropped off before (or without) its pick-up in this run`,
    });
  } else if (state.dropoff) {
    issues.push({ path, message: `${id} is dropped off more than once` });
  } else {
    state.dropoff = true;
  }
}
