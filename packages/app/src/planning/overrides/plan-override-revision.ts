import type { Problem } from "@tt/solver";
import type { NewPlanRevision, PlanSummary, PlanUnassigned, StoredPlan } from "../../ports";
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
    runs: checked.runs,
  };
}
