import type { StoredPlan } from "../../ports";
import type { TimedRun } from "./insertion-options";

/** The plan's runs with their stops' places and times, as the options read them. */
export function timedRuns(plan: Pick<StoredPlan, "runs">): { runs: TimedRun[] } {
  return { runs: plan.runs.map(timedRun) };
}

/** One stored run with its stops' places and times. */
export function timedRun(run: StoredPlan["runs"][number]): TimedRun {
  return {
    vehicle: run.vehicleId,
    stops: run.stops.map((s) =>
      s.kind === "break"
        ? { kind: "break", break: s.breakId, location: s.location, start: s.start }
        : { kind: s.kind, request: s.tripRequestId, location: s.location, start: s.start },
    ),
  };
}
