import { describe, expect, it } from "vitest";
import { sumMetrics } from "./metrics";
import { computeSavings } from "./savings";
import type { PlanMetrics } from "./types";

const metrics = (cost: number, vehicles: number, km: number, co2: number): PlanMetrics => ({
  ...sumMetrics([]),
  vehiclesUsed: vehicles,
  cost: { fixed: cost, distance: 0, time: 0, total: cost },
  vehicleKm: km,
  co2eKg: co2,
});

describe("computeSavings", () => {
  it("gives silo minus pooled and its share of the silo total in percent", () => {
    const s = computeSavings(metrics(1000, 10, 400, 100), metrics(750, 7, 300, 90));
    expect(s.cost).toBe(250);
    expect(s.costPercent).toBeCloseTo(25, 9);
    expect(s.vehicles).toBe(3);
    expect(s.vehiclesPercent).toBeCloseTo(30, 9);
    expect(s.vehicleKm).toBe(100);
    expect(s.vehicleKmPercent).toBeCloseTo(25, 9);
    expect(s.co2eKg).toBe(10);
    expect(s.co2ePercent).toBeCloseTo(10, 9);
  });

  it("reports a negative saving when pooling costs more, and 0% against an empty silo", () => {
    const s = computeSavings(metrics(100, 1, 0, 0), metrics(120, 1, 5, 1));
    expect(s.cost).toBe(-20);
    expect(s.costPercent).toBeCloseTo(-20, 9);
    expect(s.vehicleKmPercent).toBe(0);
  });
});
