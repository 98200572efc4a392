import type {
  ManifestView,
  PlanChangeBody,
  PlanChangeEvaluationView,
  PlanRevisionView,
  SavePlanRunsBody,
} from "./routes";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);

/** The planner's desk: check a change to a plan, save it as a revision, print a run's manifest. */
export function planOverrideClientMethods(call: Call) {
  return {
    /** Cost and violations before and after a move or an edited plan; nothing is saved. */
    evaluatePlanChange: (planId: string, change: PlanChangeBody) =>
      call<PlanChangeEvaluationView>("POST", `/api/plans/${at(planId)}/evaluate`, change),
    /**
     * Saves the change as a new revision (the original is kept). Throws `ApiError` 409 listing
     * the violations unless `acceptViolations` is true.
     */
    savePlanRuns: (planId: string, body: SavePlanRunsBody) =>
      call<PlanRevisionView>("PUT", `/api/plans/${at(planId)}/runs`, body),
    /** A run's manifest: names passengers, so the read is audited (with the client's purpose). */
    getRunManifest: (planId: string, vehicleId: string) =>
      call<ManifestView>("GET", `/api/plans/${at(planId)}/runs/${at(vehicleId)}/manifest`),
  };
}
