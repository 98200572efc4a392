import type { Problem } from "@tt/solver";
import type {
  NewPlanRevision,
  NewPlanRun,
  PlanRun,
  PlanRunStop,
  PlanSummary,
  PlanUnassigned,
  StoredPlan,
} from "../../ports";
import type { ChangeEvaluation } from "./plan-override-evaluation";

/** The reason given for a request a planner took out of every run. */
export const TAKEN_OUT_REASON = "taken-out";

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Unserved requests of the revision: those the engine had left out keep its reason and message;
 * those a planner took out of the runs say so.
 */
function unassignedOf(plan: StoredPlan, unserved: readonly string[]): PlanUnassigned[] {
  const known = new Map(plan.unassigned.map((u) => [u.tripRequestId, u]));
  return unserved.map(
    (id) =>
      known.get(id) ?? {
        tripRequestId: id,
        reason: TAKEN_OUT_REASON,
        message: `${id} was taken out of the runs by a planner's override`,
      },
  );
}

/** Counted as the engine's summary counts them (`no-room` for a plain lack of room). */
function countReasons(
  problem: Problem,
  unassigned: readonly PlanUnassigned[],
  notPlanned: number,
): Record<string, number> {
  const ownRule = new Set(
    problem.requests
      .filter(
        (r) => (r.incompatibleWith?.length ?? 0) > 0 || (r.incompatibleGroups?.length ?? 0) > 0,
      )
      .map((r) => r.id),
  );
  const counts: Record<string, number> = {};
  for (const u of unassigned) {
    const plain = u.reason === "incompatibility" && !ownRule.has(u.tripRequestId);
    const reason = plain ? "no-room" : u.reason;
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  if (notPlanned > 0) counts["not-planned"] = notPlanned;
  return counts;
}

const sameStop = (a: PlanRunStop, b: PlanRunStop): boolean =>
  a.kind === b.kind &&
  (a.kind === "break" ? a.breakId : a.tripRequestId) ===
    (b.kind === "break" ? b.breakId : b.tripRequestId) &&
  a.location === b.location &&
  a.arrival === b.arrival &&
  a.start === b.start &&
  a.departure === b.departure &&
  a.load.length === b.load.length &&
  a.load.every((x, i) => x === b.load[i]);

const sameRun = (stored: PlanRun, run: NewPlanRun): boolean =>
  stored.vehicleId === run.vehicleId &&
  stored.layout === run.layout &&
  stored.distanceMetres === run.distanceMetres &&
  stored.durationSeconds === run.durationSeconds &&
  stored.costPence === run.costPence &&
  stored.stops.length === run.stops.length &&
  stored.stops.every((s, i) => {
    const t = run.stops[i];
    return t !== undefined && sameStop(s, t);
  });

/**
 * The proposed runs, each the plan's stored run wherever it is the same in every stored field:
 * those are kept (shared with the plan, not stored again), the others stored anew.
 */
function keptWhereSame(plan: StoredPlan, runs: readonly NewPlanRun[]): (NewPlanRun | PlanRun)[] {
  const stored = new Map(plan.runs.map((r) => [r.vehicleId, r]));
  return runs.map((run) => {
    const was = stored.get(run.vehicleId);
    if (!was || !sameRun(was, run)) return run;
    stored.delete(run.vehicleId);
    return was;
  });
}

/**
 * The stored form of an override: the proposed runs with their schedule, the figures of the
 * original summary recounted for them (facts about the solve, such as its seed, are kept).
 */
export function revisionOf(
  plan: StoredPlan,
  problem: Problem,
  checked: ChangeEvaluation,
): NewPlanRevision {
  const evaluation = checked.evaluation;
  const unassigned = unassignedOf(plan, evaluation.unserved);
  const notPlanned = plan.summary.unassignedByReason["not-planned"] ?? 0;
  const cost = evaluation.cost;
  const summary: PlanSummary = {
    ...plan.summary,
    assigned: problem.requests.length - evaluation.unserved.length,
    unassigned: evaluation.unserved.length + notPlanned,
    unassignedByReason: countReasons(problem, unassigned, notPlanned),
    vehiclesUsed: evaluation.vehicles,
    cost: {
      total: round2(cost.fixed + cost.distance + cost.time),
      fixed: round2(cost.fixed),
      distance: round2(cost.distance),
      time: round2(cost.time),
    },
    distanceKm: round2(evaluation.distance),
    violations: evaluation.violations.length,
  };
  return {
    name: plan.name,
    serviceDate: plan.serviceDate,
    status: "draft",
    summary,
    unassigned,
    runs: keptWhereSame(plan, checked.runs),
  };
}
