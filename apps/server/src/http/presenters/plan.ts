import type {
  NewPlanRun,
  PlanHeader,
  PlanRun,
  PlanRunStop,
  PlanSummary,
  StoredPlan,
} from "@tt/app";
import type {
  PlanHeaderView,
  PlanRunView,
  PlanStopView,
  PlanSummaryView,
  PlanView,
} from "@tt/contract";
import type { ReadonlyView } from "./readonly-view";
import type { SameShape } from "./same-shape";

/** The contract's plan views and the app's plan types describe the same data. */
const _summary: SameShape<PlanSummary, ReadonlyView<PlanSummaryView>> = true;
const _stop: SameShape<PlanRunStop, ReadonlyView<PlanStopView>> = true;
const _run: SameShape<PlanRun, ReadonlyView<PlanRunView>> = true;
const _header: SameShape<PlanHeader, ReadonlyView<PlanHeaderView>> = true;
const _plan: SameShape<StoredPlan, ReadonlyView<PlanView>> = true;
export const planShapeChecks = [_summary, _stop, _run, _header, _plan];

export function presentPlanSummary(summary: PlanSummary): PlanSummaryView {
  const { pool, ...rest } = summary;
  return {
    ...rest,
    issues: [...summary.issues],
    ...(pool ? { pool: { members: [...pool.members], leftOut: [...pool.leftOut] } } : {}),
  };
}

export function presentStop(stop: PlanRunStop): PlanStopView {
  return { ...stop, load: [...stop.load] };
}

/** A run as stored, or as proposed (without an id yet). */
export function presentRun(run: PlanRun): PlanRunView;
export function presentRun(run: NewPlanRun): Omit<PlanRunView, "id">;
export function presentRun(run: NewPlanRun): Omit<PlanRunView, "id"> {
  return { ...run, stops: run.stops.map(presentStop) };
}

export function presentPlanHeader(header: PlanHeader): PlanHeaderView {
  return { ...header, summary: presentPlanSummary(header.summary) };
}

/** A stored plan with its runs: stops name trip requests, never passengers. */
export function presentPlan(plan: StoredPlan): PlanView {
  return {
    ...presentPlanHeader(plan),
    unassigned: [...plan.unassigned],
    runs: plan.runs.map((run) => presentRun(run)),
  };
}
