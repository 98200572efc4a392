import type { Run } from "@tt/solver";
import type { NewPlanRevision, PlanSummary, StoredPlan } from "../../ports";
import { storedRun } from "../overrides/plan-override-evaluation";
import type { InsertionOption } from "./insertion-options";

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The run with the provisional request id replaced by the stored trip request's. */
function renamed(run: Run, from: string, to: string): Run {
  return {
    ...run,
    stops: run.stops.map((s) =>
      s.kind !== "break" && s.request === from ? { ...s, request: to } : s,
    ),
  };
}

/**
 * The plan with a trip booked into it: the option's run in place of the vehicle's run (every
 * other run as stored), and the figures moved by exactly what that run's change moved them (the
 * engine's costs of the run before and after).
 */
export function bookingRevision(
  plan: StoredPlan,
  option: InsertionOption,
  provisionalId: string,
  tripRequestId: string,
): Omit<NewPlanRevision, "additions"> {
  const run = storedRun(renamed(option.run, provisionalId, tripRequestId));
  const had = plan.runs.some((r) => r.vehicleId === option.vehicle);
  const runs = had
    ? plan.runs.map((r) => (r.vehicleId === option.vehicle ? run : r))
    : [...plan.runs, run];
  return {
    name: plan.name,
    serviceDate: plan.serviceDate,
    status: "draft",
    summary: summaryAfter(plan.summary, option, had),
    unassigned: plan.unassigned,
    runs,
  };
}

function summaryAfter(summary: PlanSummary, option: InsertionOption, had: boolean): PlanSummary {
  const after = option.run.cost;
  const before = option.before?.cost ?? { fixed: 0, distance: 0, time: 0 };
  const fixed = summary.cost.fixed + after.fixed - before.fixed;
  const distance = summary.cost.distance + after.distance - before.distance;
  const time = summary.cost.time + after.time - before.time;
  const km = option.run.distance - (option.before?.distance ?? 0);
  return {
    ...summary,
    requests: summary.requests + 1,
    assigned: summary.assigned + 1,
    vehiclesUsed: summary.vehiclesUsed + (had ? 0 : 1),
    cost: {
      total: round2(fixed + distance + time),
      fixed: round2(fixed),
      distance: round2(distance),
      time: round2(time),
    },
    distanceKm: round2(summary.distanceKm + km),
  };
}
