import type { IntegrationReport, PlanMetrics } from "../model/types";

function metrics(scale: number, vehicles: number): PlanMetrics {
  return {
    requests: 10 * scale,
    served: 9 * scale,
    unassigned: { "time-window": scale },
    vehiclesUsed: vehicles,
    cost: { fixed: 100 * scale, distance: 50 * scale, time: 80 * scale, total: 230 * scale },
    objective: 230 * scale + 1000 * scale,
    vehicleKm: 120 * scale,
    vehicleHours: 6 * scale,
    passengerKm: 150 * scale,
    occupancy: 1.25,
    rideMinutes: { mean: 24, max: 55 },
    rideRatio: { mean: 1.4, max: 2.2 },
    co2eKg: 30 * scale,
  };
}

/**
 * A made-up report with two funders, one of them named like a spreadsheet formula and one with
 * markup in its name, for the report writers' tests.
 */
export function sampleReport(): IntegrationReport {
  return {
    scenario: { name: "Sample <county>", date: "2026-11-24", mixingPolicy: "demo-2026-1" },
    settings: { seed: 1, iterations: 10 },
    funders: [
      { key: "=cmd", name: "Formula & Co", organisation: "County" },
      { key: "nhs", name: "<script>alert(1)</script>", organisation: "ICB" },
    ],
    silo: { "=cmd": metrics(1, 2), nhs: metrics(2, 3) },
    siloTotal: metrics(3, 5),
    pooled: metrics(2, 3),
    pooledByFunder: { "=cmd": metrics(1, 1), nhs: metrics(1, 2) },
    savings: {
      cost: 230,
      costPercent: 33.3,
      vehicles: 2,
      vehiclesPercent: 40,
      vehicleKm: 120,
      vehicleKmPercent: 33.3,
      co2eKg: 30,
      co2ePercent: 33.3,
    },
    shares: {
      shapley: { "=cmd": 900, nhs: 1560 },
      shapleyMethod: "exact",
      proportionalToStandalone: { "=cmd": 820, nhs: 1640 },
      perPassengerKm: { "=cmd": 1230, nhs: 1230 },
      paysMoreThanAlone: [],
    },
    overlap: [
      {
        service: "send-school",
        carrier: "nepts",
        tested: 20,
        feasible: 5,
        percent: 25,
        sampled: false,
      },
    ],
    peakVehicles: {
      slotMinutes: 60,
      slots: ["07:00", "08:00", "09:00"],
      series: { "=cmd": [1, 2, 0], nhs: [0, 3, 1], pooled: [1, 3, 1] },
    },
    violations: 0,
    violationDetails: [],
    coalitions: { "=cmd": 1230, nhs: 2460, "=cmd+nhs": 2460 },
    seconds: 12.5,
  };
}
