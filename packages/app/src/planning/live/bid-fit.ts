import { findMinutesOfDay, formatMinutesOfDay, type Lot, type Vehicle } from "@tt/domain";
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
 * carry keeping every rule is named. A vehicle whose own hours of work do not cover the run cannot
 * carry it either (the contract brings it to the buyer within those hours). Empty: the vehicles fit.
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
    const onDuty = offered.filter((v) => coversRun(v, lotRun));
    // A run the planner changed by hand may break a rule as planned: no vehicle could keep every
    // rule on it, so an offered vehicle is judged on what it brings (room and features) instead.
    const asPlanned = checkedRun(live, planned, stops, false)?.keepsRules === true;
    const fits = onDuty.some((v) => {
      const candidate = {
        ...planned,
        layouts: vehicleLayouts(v),
        features: vehicleFeatures(v.features),
      };
      if (!asPlanned) return bringsWhatItNeeds(live, stops, candidate, lot.needs);
      return checkedRun(live, candidate, stops, false)?.keepsRules === true;
    });
    if (fits) return [];
    const when = `${formatMinutesOfDay(Math.round(lotRun.start))}–${formatMinutesOfDay(Math.round(lotRun.end))}`;
    if (onDuty.length === 0) {
      const hours = offered.map((v) => `${v.reference} ${v.availableFrom}–${v.availableTo}`);
      return [
        `the run ${when} falls outside the hours of work of every vehicle offered (${hours.join(", ")})`,
      ];
    }
    return [
      `the run ${when} (${lotRun.trips} trips; at most ${lot.needs.seats} seats and ${lot.needs.wheelchairs} wheelchair spaces in use at once in the lot) cannot be carried by any vehicle offered`,
    ];
  });
}

/** The vehicle's own hours of work cover the run's first to last stop. */
function coversRun(vehicle: Vehicle, run: { start: number; end: number }): boolean {
  const from = findMinutesOfDay(vehicle.availableFrom) ?? 0;
  const to = findMinutesOfDay(vehicle.availableTo) ?? 24 * 60;
  return from <= run.start && run.end <= to;
}

/**
 * The vehicle has a layout with the seats and wheelchair spaces the lot needs at its busiest, and
 * every feature the run's passengers need.
 */
function bringsWhatItNeeds(
  live: LiveProblem,
  stops: ReturnType<typeof timedRun>["stops"],
  vehicle: { layouts: readonly (readonly number[])[]; features: readonly string[] },
  needs: Lot["needs"],
): boolean {
  const roomy = vehicle.layouts.some(
    ([seats = 0, chairs = 0]) => seats >= needs.seats && chairs >= needs.wheelchairs,
  );
  const wanted = stops.flatMap((s) =>
    s.kind === "pickup" ? (live.request(s.request)?.features ?? []) : [],
  );
  return roomy && wanted.every((f) => vehicle.features.includes(f));
}
