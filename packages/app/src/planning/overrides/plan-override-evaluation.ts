import {
  type CostBreakdown,
  type Evaluation,
  evaluate,
  type Plan,
  type Problem,
  type Run,
  type Violation,
} from "@tt/solver";
import type { NewPlanRun } from "../../ports";
import { toStop } from "../plan-from-solution";

/** A plan as `evaluate()` scores it: cost in pounds (penalties of unserved requests included). */
export interface PlanCheck {
  readonly cost: CostBreakdown;
  readonly violations: readonly Violation[];
  /** Trip requests the plan leaves unserved. */
  readonly unserved: readonly string[];
}

/** After minus before, pounds, from the two evaluations exactly (not rounded). */
export interface CostChange {
  readonly total: number;
  readonly fixed: number;
  readonly distance: number;
  readonly time: number;
  readonly unserved: number;
}

/** A request whose vehicle the change alters; null = not in any run. */
export interface MovedRequest {
  readonly tripRequestId: string;
  readonly fromVehicle: string | null;
  readonly toVehicle: string | null;
}

export interface ChangeEvaluation {
  readonly before: PlanCheck;
  readonly after: PlanCheck;
  readonly change: CostChange;
  /** Every run of the proposed plan with its schedule, as it would be stored. */
  readonly runs: readonly NewPlanRun[];
  /** Vehicles whose run the change alters (stops added, taken out or reordered). */
  readonly changedRuns: readonly string[];
  readonly moved: readonly MovedRequest[];
  /** The proposed plan's full evaluation, for storing it. */
  readonly evaluation: Evaluation;
}

const checkOf = (e: Evaluation): PlanCheck => ({
  cost: e.cost,
  violations: e.violations,
  unserved: e.unserved,
});

/** Scores the current and the proposed plan against the same Problem and compares them. */
export function compareEvaluations(
  problem: Problem,
  current: Plan,
  proposed: Plan,
): ChangeEvaluation {
  const before = evaluate(problem, current);
  const after = evaluate(problem, proposed);
  return {
    before: checkOf(before),
    after: checkOf(after),
    change: {
      total: after.cost.total - before.cost.total,
      fixed: after.cost.fixed - before.cost.fixed,
      distance: after.cost.distance - before.cost.distance,
      time: after.cost.time - before.cost.time,
      unserved: after.cost.unserved - before.cost.unserved,
    },
    runs: after.runs.map(storedRun),
    changedRuns: changedRuns(current, proposed),
    moved: movedRequests(current, proposed),
    evaluation: after,
  };
}

/** An evaluated run in the stored form: whole metres, seconds and pence. */
export function storedRun(run: Run): NewPlanRun {
  return {
    vehicleId: run.vehicle,
    layout: run.layout,
    stops: run.stops.map(toStop),
    distanceMetres: Math.round(run.distance * 1000),
    durationSeconds: Math.round(run.duration * 60),
    costPence: Math.round((run.cost.fixed + run.cost.distance + run.cost.time) * 100),
  };
}

function sequences(plan: Plan): Map<string, string> {
  const key = (run: Plan["runs"][number]) =>
    run.stops.map((s) => (s.kind === "break" ? `b:${s.break}` : `${s.kind}:${s.request}`)).join();
  return new Map(plan.runs.map((run) => [run.vehicle, key(run)]));
}

function changedRuns(current: Plan, proposed: Plan): string[] {
  const a = sequences(current);
  const b = sequences(proposed);
  const vehicles = new Set([...a.keys(), ...b.keys()]);
  return [...vehicles].filter((v) => (a.get(v) ?? "") !== (b.get(v) ?? "")).sort();
}

function vehicleOfRequest(plan: Plan): Map<string, string> {
  const out = new Map<string, string>();
  for (const run of plan.runs) {
    for (const s of run.stops) if (s.kind === "pickup") out.set(s.request, run.vehicle);
  }
  return out;
}

function movedRequests(current: Plan, proposed: Plan): MovedRequest[] {
  const a = vehicleOfRequest(current);
  const b = vehicleOfRequest(proposed);
  const requests = [...new Set([...a.keys(), ...b.keys()])].sort();
  return requests
    .filter((r) => a.get(r) !== b.get(r))
    .map((r) => ({ tripRequestId: r, fromVehicle: a.get(r) ?? null, toVehicle: b.get(r) ?? null }));
}
