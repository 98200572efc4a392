import { evaluate, solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { planMetrics, sumMetrics } from "./metrics";
import { gridProblem, HAND_PROBLEM, HAND_SOLUTION, HAND_TAGS } from "./metrics-fixtures";
import type { PlanMetrics } from "./types";

describe("planMetrics on a hand-written plan", () => {
  const all = planMetrics(HAND_PROBLEM, HAND_SOLUTION, HAND_TAGS);

  it("agrees with evaluate() on the plan's distance and cost", () => {
    const checked = evaluate(HAND_PROBLEM, HAND_SOLUTION);
    expect(checked.violations).toEqual([]);
    expect(checked.distance).toBe(all.vehicleKm);
    expect(checked.cost.fixed + checked.cost.distance).toBeCloseTo(
      all.cost.fixed + all.cost.distance,
      9,
    );
    expect(checked.cost.unserved).toBe(all.objective - all.cost.total);
  });

  it("counts requests, vehicles, cost, km and hours", () => {
    expect(all.requests).toBe(4);
    expect(all.served).toBe(3);
    expect(all.unassigned).toEqual({ capacity: 1 });
    expect(all.vehiclesUsed).toBe(2);
    // minibus 50 + 7.2 + 11 = 68.2; taxi 15 + 18.7 + 6.6 = 40.3
    expect(all.cost.fixed).toBeCloseTo(65, 9);
    expect(all.cost.distance).toBeCloseTo(25.9, 9);
    expect(all.cost.time).toBeCloseTo(17.6, 9);
    expect(all.cost.total).toBeCloseTo(108.5, 9);
    expect(all.objective).toBeCloseTo(208.5, 9); // + rC's penalty of 100
    expect(all.vehicleKm).toBe(35); // 18 + 17
    expect(all.vehicleHours).toBeCloseTo(77 / 60, 9); // 44 + 33 minutes
  });

  it("measures passenger-km, occupancy and ride times", () => {
    // rA 1 × 7 km, rB 2 passengers × 4 km, rD 1 × 4 km
    expect(all.passengerKm).toBe(19);
    expect(all.occupancy).toBeCloseTo(19 / 35, 9);
    // rides: rA 508 − 492 = 16 (direct 12); rB 510 − 500 = 10 (direct 8); rD 519 − 511 = 8 (direct 8)
    expect(all.rideMinutes.mean).toBeCloseTo(34 / 3, 9);
    expect(all.rideMinutes.max).toBe(16);
    expect(all.rideRatio.mean).toBeCloseTo((16 / 12 + 10 / 8 + 1) / 3, 9);
    expect(all.rideRatio.max).toBeCloseTo(16 / 12, 9);
  });

  it("uses the class factor, or the tag's measured g/km", () => {
    // minibus 18 km × 0.2717 (DESNZ van class III proxy) + taxi 17 km × 0.200 (measured)
    expect(all.co2eKg).toBeCloseTo(18 * 0.2717 + 17 * 0.2, 9);
  });

  it("restricts request indicators to `only` and attributes runs by passenger-km", () => {
    const council = planMetrics(HAND_PROBLEM, HAND_SOLUTION, HAND_TAGS, new Set(["rA", "rC"]));
    expect(council.requests).toBe(2);
    expect(council.served).toBe(1);
    expect(council.unassigned).toEqual({ capacity: 1 });
    // rA has 7 of the minibus' 15 passenger-km, and nothing on the taxi
    expect(council.vehiclesUsed).toBeCloseTo(7 / 15, 9);
    expect(council.cost.total).toBeCloseTo((68.2 * 7) / 15, 9);
    expect(council.objective).toBeCloseTo((68.2 * 7) / 15 + 100, 9);
    expect(council.vehicleKm).toBeCloseTo(8.4, 9);
    expect(council.passengerKm).toBe(7);
    expect(council.occupancy).toBeCloseTo(7 / 8.4, 9);
    expect(council.rideMinutes).toEqual({ mean: 16, max: 16 });
    expect(council.co2eKg).toBeCloseTo(8.4 * 0.2717, 9);
  });

  it("splits the plan exactly between a partition of its requests", () => {
    const council = planMetrics(HAND_PROBLEM, HAND_SOLUTION, HAND_TAGS, new Set(["rA", "rC"]));
    const nhs = planMetrics(HAND_PROBLEM, HAND_SOLUTION, HAND_TAGS, new Set(["rB", "rD"]));
    expectSameTotals(sumMetrics([council, nhs]), all);
    expect(nhs.vehiclesUsed).toBeCloseTo(1 + 8 / 15, 9);
  });

  it("names a vehicle without a tag", () => {
    expect(() => planMetrics(HAND_PROBLEM, HAND_SOLUTION, { minibus: HAND_TAGS.minibus! })).toThrow(
      /vehicle taxi has no vehicle tag/,
    );
  });
});

describe("sumMetrics", () => {
  it("adds totals, weights means by served requests and recomputes occupancy", () => {
    const a = planMetrics(HAND_PROBLEM, HAND_SOLUTION, HAND_TAGS, new Set(["rA"]));
    const b = planMetrics(HAND_PROBLEM, HAND_SOLUTION, HAND_TAGS, new Set(["rB", "rD", "rC"]));
    const total = sumMetrics([a, b]);
    // (16 × 1 + 9 × 2) / 3, where b's mean is (10 + 8) / 2 = 9
    expect(total.rideMinutes.mean).toBeCloseTo(34 / 3, 9);
    expect(total.rideMinutes.max).toBe(16);
    expect(total.occupancy).toBeCloseTo(total.passengerKm / total.vehicleKm, 9);
    expect(total.unassigned).toEqual({ capacity: 1 });
  });

  it("gives zeros for an empty list", () => {
    const none = sumMetrics([]);
    expect(none.requests).toBe(0);
    expect(none.occupancy).toBe(0);
    expect(none.rideMinutes).toEqual({ mean: 0, max: 0 });
  });
});

describe("planMetrics on a solved problem", () => {
  const { problem, tags, funderOf } = gridProblem();
  const solution = solve(problem, { seed: 11, iterations: 300 });
  const all = planMetrics(problem, solution, tags);

  it("matches the solution's own totals", () => {
    expect(evaluate(problem, solution).violations).toEqual([]);
    expect(all.served + solution.unassigned.length).toBe(problem.requests.length);
    expect(all.vehiclesUsed).toBe(solution.vehicles);
    expect(all.vehicleKm).toBeCloseTo(solution.distance, 9);
    expect(all.cost.total).toBeCloseTo(solution.cost.total - solution.cost.unserved, 9);
    expect(all.objective).toBeCloseTo(solution.cost.total, 9);
  });

  it("measures ride times as the ride-time limit does: never over it, never under direct", () => {
    expect(all.served).toBeGreaterThan(0);
    expect(all.rideRatio.mean).toBeGreaterThanOrEqual(1 - 1e-9);
    // limit = 2 × direct + 10 minutes; direct ≤ 16 km × 2 min = 32 minutes
    expect(all.rideMinutes.max).toBeLessThanOrEqual(2 * 32 + 10 + 1e-9);
    for (const r of problem.requests) {
      const m = planMetrics(problem, solution, tags, new Set([r.id]));
      if (m.served === 0) continue;
      const direct = problem.matrices.time[r.pickup.location]![r.dropoff.location]!;
      expect(m.rideMinutes.max).toBeLessThanOrEqual(2 * direct + 10 + 1e-9);
      expect(m.rideMinutes.max).toBeGreaterThanOrEqual(direct - 1e-9);
    }
  });

  it("attributes every run between the funders without loss", () => {
    const by = (funder: string) =>
      new Set(Object.keys(funderOf).filter((id) => funderOf[id] === funder));
    const parts = ["council", "nhs"].map((f) => planMetrics(problem, solution, tags, by(f)));
    expectSameTotals(sumMetrics(parts), all);
  });
});

function expectSameTotals(a: PlanMetrics, b: PlanMetrics): void {
  expect(a.requests).toBe(b.requests);
  expect(a.served).toBe(b.served);
  expect(a.unassigned).toEqual(b.unassigned);
  for (const key of [
    "vehiclesUsed",
    "objective",
    "vehicleKm",
    "vehicleHours",
    "passengerKm",
    "co2eKg",
  ] as const) {
    expect(a[key], key).toBeCloseTo(b[key], 9);
  }
  expect(a.cost.total).toBeCloseTo(b.cost.total, 9);
  expect(a.rideMinutes.mean).toBeCloseTo(b.rideMinutes.mean, 9);
  expect(a.rideMinutes.max).toBeCloseTo(b.rideMinutes.max, 9);
}
