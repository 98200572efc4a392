import { evaluate } from "@tt/solver";
import type { AnalysisParts } from "../analysis-parts";
import type { PlanMetrics } from "../types";

const zero: PlanMetrics = {
  requests: 0,
  served: 0,
  unassigned: {},
  vehiclesUsed: 0,
  cost: { fixed: 0, distance: 0, time: 0, total: 0 },
  objective: 0,
  vehicleKm: 0,
  vehicleHours: 0,
  passengerKm: 0,
  occupancy: 0,
  rideMinutes: { mean: 0, max: 0 },
  rideRatio: { mean: 0, max: 0 },
  co2eKg: 0,
};

/**
 * Stand-ins for the analysis' building blocks: a coalition plans its funders' requests on their
 * vehicles (all of them when it is everyone), and the figures are the few `evaluate()` gives.
 */
export const simpleParts: AnalysisParts = {
  coalitionProblem(scenario, funders) {
    const members = new Set(funders);
    const everyone = funders.length === scenario.funders.length;
    return {
      ...scenario.problem,
      requests: scenario.problem.requests.filter((r) =>
        members.has(scenario.requests[r.id]?.funder ?? ""),
      ),
      vehicles: scenario.problem.vehicles.filter(
        (v) => everyone || (scenario.vehicles[v.id]?.funders ?? []).some((f) => members.has(f)),
      ),
    };
  },
  metrics(scenario, plan, funder) {
    const e = evaluate(plan.problem, plan.solution);
    const mine = plan.problem.requests.filter(
      (r) => funder === undefined || scenario.requests[r.id]?.funder === funder,
    );
    const c = { fixed: e.cost.fixed, distance: e.cost.distance, time: e.cost.time };
    return {
      ...zero,
      requests: mine.length,
      served: mine.length - e.unserved.filter((id) => mine.some((r) => r.id === id)).length,
      vehiclesUsed: e.vehicles,
      cost: { ...c, total: c.fixed + c.distance + c.time },
      objective: e.objective,
      vehicleKm: e.distance,
      passengerKm: mine.length,
    };
  },
  sumMetrics(list) {
    const sum = (pick: (m: PlanMetrics) => number) => list.reduce((a, m) => a + pick(m), 0);
    return {
      ...zero,
      requests: sum((m) => m.requests),
      vehiclesUsed: sum((m) => m.vehiclesUsed),
      objective: sum((m) => m.objective),
      vehicleKm: sum((m) => m.vehicleKm),
    };
  },
  peakVehicles: () => ({ slotMinutes: 60, slots: [], series: {} }),
  savings: (silo, pooled) => ({
    cost: silo.objective - pooled.objective,
    costPercent: 0,
    vehicles: silo.vehiclesUsed - pooled.vehiclesUsed,
    vehiclesPercent: 0,
    vehicleKm: silo.vehicleKm - pooled.vehicleKm,
    vehicleKmPercent: 0,
    co2eKg: 0,
    co2ePercent: 0,
  }),
  costShares: (input) => ({
    shapley: input.shapley,
    shapleyMethod: input.method,
    ...(input.standardError ? { shapleyStandardError: input.standardError } : {}),
    proportionalToStandalone: input.standalone,
    perPassengerKm: input.passengerKm,
    paysMoreThanAlone: input.players.filter(
      (p) => (input.shapley[p] ?? 0) > (input.standalone[p] ?? 0) + 1e-6,
    ),
  }),
  forbiddenSharing: () => 0,
  overlap: () => [],
};
