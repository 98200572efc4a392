import { formatMinutesOfDay, type Lot, type Vehicle } from "@tt/domain";
import type { StoredPlan } from "../../ports";
import { vehicleLayouts } from "../map-vehicles";
import { vehicleFeatures } from "../planning-rules";
import type { LiveProblem } from "./live-problem";
import { checkedRun } from "./run-problem";
import { timedRun } from "./timed-runs";

/**
 * What a lot needs that the vehicles offered lack, found by the engine: each of the lot's runs is
 * scheduled again as planned with each vehicle offered in its place (its seats and wheelchair
 * layouts, its features; the run's depot, hours and driver's breaks), and a run none of them can
 * carry keeping every rule is named. Empty: the vehicles fit.
 */
export function unfitRuns(
  live: LiveProblem,
  plan: Pick<StoredPlan, "runs">,
  lot: Lot,
  offered: readonly Vehicle[],
): string[] {
  return lot.runs.flatMap((lotRun) => {
    const run = plan.runs.find((r) => r.vehicleId === lotRun.vehicleId);
    const planned = live.base.vehicles.find((v) => v.id === lotRun.vehicleId);
    if (!run || !planned) return [];
    const stops = timedRun(run).stops;
    const fits = offered.some((v) => {
      const candidate = {
        ...planned,
        layouts: vehicleLayouts(v),
        features: vehicleFeatures(v.features),
      };
      return checkedRun(live, candidate, stops, false)?.keepsRules === true;
    });
    if (fits) return [];
    const when = `${formatMinutesOfDay(Math.round(lotRun.start))}–${formatMinutesOfDay(Math.round(lotRun.end))}`;
    return [
      `the run ${when} (${lotRun.trips} trips; at most ${lot.needs.seats} seats and ${lot.needs.wheelchairs} wheelchair spaces in use at once in the lot) cannot be carried by any vehicle offered`,
    ];
  });
}
