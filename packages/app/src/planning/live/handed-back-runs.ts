import type { Request, Run } from "@tt/solver";
import type {
  NewPlanRevision,
  PlanRun,
  PlanSummary,
  PlanUnassigned,
  StoredPlan,
} from "../../ports";
import { storedRun } from "../overrides/plan-override-evaluation";
import { movedSummary } from "./booking-revision";
import { type InsertionOption, insertionOptions, type TimedRun } from "./insertion-options";
import type { LiveProblem } from "./live-problem";
import { type ChangedRuns, timedStop, toldWindowOf } from "./relieved-run";
import { checkedRun } from "./run-problem";
import { timedRun } from "./timed-runs";
import { placeWithinTold } from "./told-place";

/** A trip of a handed-back run, now on another run. */
export interface MovedTrip {
  readonly tripRequestId: string;
  readonly fromVehicle: string;
  readonly toVehicle: string;
  /** Its pick-up as planned before and as planned now, minutes after midnight. */
  readonly pickupBefore: number;
  readonly pickupAfter: number;
  /** Whether the new pick-up falls in the window the passenger was told. */
  readonly withinTold: boolean;
}

/** A plan without the runs of vehicles handed back, their trips placed on its other runs. */
export interface HandedBackPlan {
  readonly revision: Omit<NewPlanRevision, "additions">;
  readonly moved: readonly MovedTrip[];
  /** Trips no other run can take, with the engine's reason. */
  readonly unassigned: readonly PlanUnassigned[];
  /** Vehicles whose runs changed: those handed back, and those that took their trips. */
  readonly vehicles: readonly string[];
  /** What the plan's runs cost before and after, pence. */
  readonly costBeforePence: number;
  readonly costAfterPence: number;
}

/** A stop of a handed-back run's passenger: their trip, its vehicle and planned pick-up. */
interface Displaced {
  readonly tripRequestId: string;
  readonly fromVehicle: string;
  readonly pickup: number;
}

const NONE = { requests: 0, assigned: 0, unassigned: 0 };

/**
 * The plan without the runs of `handedBack` vehicles: their trips, earliest pick-up first, go one
 * at a time into the plan's other runs, each at the engine's cheapest insertion that keeps every
 * rule (`insertionOptions`), in the window the passenger was told when any run can (5 minutes
 * before to 10 after their planned pick-up), else anywhere in the trip's own window; a trip no
 * run can take is left unassigned with the reason. Everyone already on the other runs stays on
 * their run, in their order, picked up in the window they were told; a trip moved is held to its
 * window too once placed. The day is not solved again. Undefined when no run uses the vehicles.
 */
export function withoutHandedBack(
  plan: StoredPlan,
  live: LiveProblem,
  handedBack: ReadonlySet<string>,
): HandedBackPlan | undefined {
  const handed = plan.runs.filter((r) => handedBack.has(r.vehicleId));
  if (handed.length === 0) return undefined;
  const kept = plan.runs.filter((r) => !handedBack.has(r.vehicleId));
  let fleet = live.withoutVehicles([...handedBack]).withReplaced(heldToTold(live, kept));
  const runs = new Map(kept.map((r) => [r.vehicleId, timedRun(r)]));
  const changed: ChangedRuns = new Map(handed.map((r) => [r.vehicleId, beforeOf(live, r)]));
  const placedOn = new Map<string, Displaced & { readonly toVehicle: string }>();
  const unassigned: PlanUnassigned[] = [];
  for (const trip of displacedTrips(handed)) {
    const request = live.request(trip.tripRequestId);
    if (!request) continue;
    const found = placed(fleet, [...runs.values()], request, trip.pickup);
    if (!("vehicle" in found)) {
      unassigned.push({ tripRequestId: trip.tripRequestId, ...found });
      continue;
    }
    runs.set(found.vehicle, { vehicle: found.vehicle, stops: found.run.stops.map(timedStop) });
    const before = changed.has(found.vehicle) ? changed.get(found.vehicle)?.before : found.before;
    changed.set(found.vehicle, { ...(before ? { before } : {}), after: found.run });
    placedOn.set(trip.tripRequestId, { ...trip, toVehicle: found.vehicle });
    // Held to the window told when placed in it, else to the one around its new pick-up.
    const told = toldWindowOf(request.pickup.window, trip.pickup);
    const inTold = found.pickup >= told[0] && found.pickup <= told[1];
    fleet = fleet.withReplaced([heldAt(request, inTold ? trip.pickup : found.pickup)]);
  }
  const revision = revisionOf(plan, changed, unassigned);
  return {
    revision,
    moved: movedTrips(live, placedOn, changed),
    unassigned,
    vehicles: [...changed.keys()].sort(),
    costBeforePence: costOf(plan.runs),
    costAfterPence: costOf(revision.runs),
  };
}

/**
 * The passengers of these runs with their pick-up windows narrowed to the one told around their
 * planned pick-up (`heldAt`), so that no insertion moves them outside it.
 */
function heldToTold(live: LiveProblem, runs: readonly Pick<PlanRun, "stops">[]): Request[] {
  return runs.flatMap((run) =>
    run.stops.flatMap((s) => {
      const request = s.kind === "pickup" ? live.request(s.tripRequestId) : undefined;
      return request ? [heldAt(request, s.start)] : [];
    }),
  );
}

/** The request picked up in the window told around `start` (as it is, when that is empty). */
function heldAt(request: Request, start: number): Request {
  const told = toldWindowOf(request.pickup.window, start);
  if (told[0] > told[1]) return request;
  return { ...request, pickup: { ...request.pickup, window: told } };
}

/** A handed-back run as the engine schedules it (for the plan's figures), with nothing after. */
function beforeOf(live: LiveProblem, run: PlanRun): { before?: Run } {
  const vehicle = live.base.vehicles.find((v) => v.id === run.vehicleId);
  const before = vehicle && checkedRun(live, vehicle, timedRun(run).stops, false)?.run;
  return before ? { before } : {};
}

/** The handed-back runs' passengers, earliest planned pick-up first. */
function displacedTrips(handed: readonly PlanRun[]): Displaced[] {
  const trips = handed.flatMap((run) =>
    run.stops.flatMap((s) =>
      s.kind === "pickup"
        ? [{ tripRequestId: s.tripRequestId, fromVehicle: run.vehicleId, pickup: s.start }]
        : [],
    ),
  );
  return trips.sort(
    (a, b) => a.pickup - b.pickup || a.tripRequestId.localeCompare(b.tripRequestId),
  );
}

/** The cheapest place in the window told, else in the trip's own window, else why there is none. */
function placed(
  fleet: LiveProblem,
  runs: readonly TimedRun[],
  request: Request,
  pickup: number,
): InsertionOption | Pick<PlanUnassigned, "reason" | "message"> {
  const told = toldWindowOf(request.pickup.window, pickup);
  const inTold = placeWithinTold(fleet, { runs }, request, told);
  if (inTold) return inTold;
  const anywhere = insertionOptions(fleet, { runs }, request, { max: 1, all: true });
  const [option] = anywhere.options;
  if (option) return option;
  const why = anywhere.refusals[0];
  if (!why) return { reason: "capacity", message: "no other vehicle in the plan" };
  const vehicles = `${why.vehicles} vehicle${why.vehicles === 1 ? "" : "s"}`;
  return {
    reason: why.reason,
    message: `no other vehicle can take it (${why.reason}: ${vehicles})`,
  };
}

/** Each moved trip's pick-up on its new run as it finally stands. */
function movedTrips(
  live: LiveProblem,
  placedOn: ReadonlyMap<string, Displaced & { readonly toVehicle: string }>,
  changed: ChangedRuns,
): MovedTrip[] {
  return [...placedOn.values()].map((trip) => {
    const stops = changed.get(trip.toVehicle)?.after?.stops ?? [];
    const stop = stops.find((s) => s.kind === "pickup" && s.request === trip.tripRequestId);
    const pickupAfter = stop?.start ?? trip.pickup;
    const window = live.request(trip.tripRequestId)?.pickup.window ?? [trip.pickup, trip.pickup];
    const [from, to] = toldWindowOf(window, trip.pickup);
    return {
      tripRequestId: trip.tripRequestId,
      fromVehicle: trip.fromVehicle,
      toVehicle: trip.toVehicle,
      pickupBefore: trip.pickup,
      pickupAfter,
      withinTold: pickupAfter >= from && pickupAfter <= to,
    };
  });
}

/** The plan's other runs kept (shared), the changed ones new, the handed-back ones gone. */
function revisionOf(
  plan: StoredPlan,
  changed: ChangedRuns,
  unassigned: readonly PlanUnassigned[],
): Omit<NewPlanRevision, "additions"> {
  const runs: NewPlanRevision["runs"][number][] = plan.runs.flatMap((r) => {
    const change = changed.get(r.vehicleId);
    if (!change) return [r];
    return change.after ? [storedRun(change.after)] : [];
  });
  for (const [vehicle, change] of changed) {
    if (change.after && !plan.runs.some((r) => r.vehicleId === vehicle))
      runs.push(storedRun(change.after));
  }
  let summary = plan.summary;
  for (const change of changed.values()) {
    summary = movedSummary(summary, change.before, change.after, NONE);
  }
  return {
    name: plan.name,
    serviceDate: plan.serviceDate,
    status: "draft",
    summary: withUnassigned(summary, unassigned),
    unassigned: [...plan.unassigned, ...unassigned],
    runs,
  };
}

/** The figures with these trips counted unassigned instead of assigned, by reason. */
function withUnassigned(summary: PlanSummary, left: readonly PlanUnassigned[]): PlanSummary {
  const byReason = { ...summary.unassignedByReason };
  for (const u of left) byReason[u.reason] = (byReason[u.reason] ?? 0) + 1;
  return {
    ...summary,
    assigned: summary.assigned - left.length,
    unassigned: summary.unassigned + left.length,
    unassignedByReason: byReason,
  };
}

const costOf = (runs: readonly { readonly costPence: number }[]) =>
  runs.reduce((sum, r) => sum + r.costPence, 0);
