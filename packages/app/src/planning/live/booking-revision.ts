import type { Run } from "@tt/solver";
import type { NewPlanRevision, PlanSummary, StoredPlan } from "../../ports";
import { storedRun } from "../overrides/plan-override-evaluation";
import type { InsertionOption } from "./insertion-options";
import type { MovedOption } from "./moved-place";

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
 * The plan with a trip booked into it: the option's run, new (without an id), in place of the
 * vehicle's run (and, when a passenger moved to make room, their new run in place of its
 * vehicle's); every other run is the plan's own stored run, kept (shared with the plan, not
 * stored again: `NewPlanRevision`). The figures move by exactly what the runs' changes moved them
 * (the engine's costs of the runs before and after).
 */
export function bookingRevision(
  plan: StoredPlan,
  option: InsertionOption & { readonly moved?: MovedOption["moved"] },
  provisionalId: string,
  tripRequestId: string,
): Omit<NewPlanRevision, "additions"> {
  const booked = { requests: 1, assigned: 1, unassigned: 0 };
  const changes = [
    {
      option: { ...option, run: renamed(option.run, provisionalId, tripRequestId) },
      counts: booked,
    },
    ...(option.moved ? [{ option: option.moved.option, counts: NONE }] : []),
  ];
  let runs: NewPlanRevision["runs"] = [...plan.runs];
  let summary = plan.summary;
  for (const { option: changed, counts } of changes) {
    const run = storedRun(changed.run);
    const had = runs.some((r) => r.vehicleId === changed.vehicle);
    runs = had ? runs.map((r) => (r.vehicleId === changed.vehicle ? run : r)) : [...runs, run];
    summary = movedSummary(summary, had ? changed.before : undefined, changed.run, counts);
  }
  return {
    name: plan.name,
    serviceDate: plan.serviceDate,
    status: "draft",
    summary,
    unassigned: plan.unassigned,
    runs,
  };
}

const NONE = { requests: 0, assigned: 0, unassigned: 0 };

/**
 * The plan's figures after one run changed from `before` to `after` (either absent: the run is
 * new, or gone), moved by exactly the engine's costs of the two; `requests`, `assigned` and
 * `unassigned` move by the counts given.
 */
export function movedSummary(
  summary: PlanSummary,
  before: Run | undefined,
  after: Run | undefined,
  counts: { readonly requests: number; readonly assigned: number; readonly unassigned: number },
): PlanSummary {
  const none = { fixed: 0, distance: 0, time: 0 };
  const [was, now] = [before?.cost ?? none, after?.cost ?? none];
  const fixed = summary.cost.fixed + now.fixed - was.fixed;
  const distance = summary.cost.distance + now.distance - was.distance;
  const time = summary.cost.time + now.time - was.time;
  const km = (after?.distance ?? 0) - (before?.distance ?? 0);
  return {
    ...summary,
    requests: summary.requests + counts.requests,
    assigned: summary.assigned + counts.assigned,
    unassigned: summary.unassigned + counts.unassigned,
    vehiclesUsed: summary.vehiclesUsed + (after ? 1 : 0) - (before ? 1 : 0),
    cost: {
      total: round2(fixed + distance + time),
      fixed: round2(fixed),
      distance: round2(distance),
      time: round2(time),
    },
    distanceKm: round2(summary.distanceKm + km),
  };
}
