import type { ChangeEvaluation, PlanCheck, SavedOverride } from "@tt/app";
import type { PlanChangeEvaluationView, PlanRevisionView } from "@tt/contract";
import { presentPlan, presentRun } from "./plan";
import type { ReadonlyView } from "./readonly-view";
import type { SameShape } from "./same-shape";

type PlanCheckView = PlanChangeEvaluationView["before"];
type ViolationView = PlanCheckView["violations"][number];

/** The contract's views of a checked change and the app's describe the same data. */
const _check: SameShape<PlanCheck, ReadonlyView<PlanCheckView>> = true;
const _evaluation: SameShape<
  Omit<ChangeEvaluation, "evaluation">,
  ReadonlyView<PlanChangeEvaluationView>
> = true;
export const planOverrideShapeChecks = [_check, _evaluation];

const presentViolation = (v: PlanCheck["violations"][number]): ViolationView => ({
  ...v,
  requests: [...v.requests],
  stops: [...v.stops],
});

function presentCheck(check: PlanCheck): PlanCheckView {
  return {
    ...check,
    violations: check.violations.map(presentViolation),
    unserved: [...check.unserved],
  };
}

/** The public view of an evaluated change: the proposed plan's full evaluation stays inside. */
export function presentEvaluation(checked: ChangeEvaluation): PlanChangeEvaluationView {
  const { before, after, change, runs, changedRuns, moved } = checked;
  return {
    before: presentCheck(before),
    after: presentCheck(after),
    change,
    runs: runs.map((run) => presentRun(run)),
    changedRuns: [...changedRuns],
    moved: [...moved],
  };
}

/** The saved revision, the cost change and the rule breaks the planner accepted. */
export function presentRevision(saved: SavedOverride): PlanRevisionView {
  const { change, after, moved } = saved.checked;
  return {
    plan: presentPlan(saved.plan),
    change,
    acceptedViolations: after.violations.map(presentViolation),
    moved: [...moved],
  };
}
