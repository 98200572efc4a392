import type { PlanMetrics, Savings } from "./types";

/**
 * What pooling saves against the silos: silo total minus pooled, and that as a percentage of the
 * silo total (0 when the silo total is 0). Cost is the plan cost without unserved penalties, so
 * read it beside the served counts: a pooled plan that serves more requests may cost more.
 */
export function computeSavings(siloTotal: PlanMetrics, pooled: PlanMetrics): Savings {
  const cost = saving(siloTotal.cost.total, pooled.cost.total);
  const vehicles = saving(siloTotal.vehiclesUsed, pooled.vehiclesUsed);
  const vehicleKm = saving(siloTotal.vehicleKm, pooled.vehicleKm);
  const co2e = saving(siloTotal.co2eKg, pooled.co2eKg);
  return {
    cost: cost.absolute,
    costPercent: cost.percent,
    vehicles: vehicles.absolute,
    vehiclesPercent: vehicles.percent,
    vehicleKm: vehicleKm.absolute,
    vehicleKmPercent: vehicleKm.percent,
    co2eKg: co2e.absolute,
    co2ePercent: co2e.percent,
  };
}

function saving(silo: number, pooled: number): { absolute: number; percent: number } {
  const absolute = silo - pooled;
  return { absolute, percent: silo === 0 ? 0 : (100 * absolute) / silo };
}
