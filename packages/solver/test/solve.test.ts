import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type SolveProgress, solve } from "../src/index";
import { arbProblem } from "./arbitrary";
import { lineProblem, request, vehicle } from "./builders";

describe("solve", () => {
  it("returns plans with no violations; unserved requests are listed with a reason", () => {
    fc.assert(
      fc.property(arbProblem, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        const s = solve(p, { seed, iterations: 60 });
        const e = evaluate(p, s);
        expect(e.violations).toEqual([]);
        expect([...e.unserved].sort()).toEqual(s.unassigned.map((u) => u.request).sort());
        expect(e.cost.total).toBeCloseTo(s.cost.total, 6);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it("gives identical output for the same seed and iteration budget", () => {
    fc.assert(
      fc.property(arbProblem, (p) => {
        const a = JSON.stringify(solve(p, { seed: 7, iterations: 40 }));
        const b = JSON.stringify(solve(p, { seed: 7, iterations: 40 }));
        expect(a).toBe(b);
      }),
      { numRuns: 20, seed: 1 },
    );
  });

  it("reports progress without changing the search: bests only improve, output unchanged", () => {
    fc.assert(
      fc.property(arbProblem, (p) => {
        const seen: SolveProgress[] = [];
        const withProgress = solve(p, { seed: 3, iterations: 40, onProgress: (x) => seen.push(x) });
        const without = solve(p, { seed: 3, iterations: 40 });
        expect(JSON.stringify(withProgress)).toBe(JSON.stringify(without));
        expect(seen.length).toBeGreaterThan(0);
        for (let i = 1; i < seen.length; i++) {
          expect(seen[i]!.bestCost).toBeLessThan(seen[i - 1]!.bestCost);
          expect(seen[i]!.iterations).toBeGreaterThanOrEqual(seen[i - 1]!.iterations);
          expect(seen[i]!.fraction).toBeGreaterThanOrEqual(seen[i - 1]!.fraction);
        }
        expect(seen.at(-1)!.unassigned).toBe(without.unassigned.length);
      }),
      { numRuns: 20, seed: 5 },
    );
  });

  it("plans without violations with granular insertion (forced on small fleets), deterministically", () => {
    const granular = { granularMinVehicles: 1, granularRoutes: 2 };
    fc.assert(
      fc.property(arbProblem, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        const s = solve(p, { seed, iterations: 40, params: granular });
        const e = evaluate(p, s);
        expect(e.violations).toEqual([]);
        expect([...e.unserved].sort()).toEqual(s.unassigned.map((u) => u.request).sort());
        const again = solve(p, { seed, iterations: 40, params: granular });
        expect(JSON.stringify(again)).toBe(JSON.stringify(s));
      }),
      { numRuns: 60, seed: 43 },
    );
  });

  it("with granular insertion and a long list of unserved requests, retries them over iterations", () => {
    // 240 requests in one 10-minute window, 3 four-seat vehicles: most cannot be served, so each
    // repair retries only the recently removed and a sample of the rest.
    const requests = Array.from({ length: 240 }, (_, i) =>
      request(`r${i}`, 1 + (i % 3), 4, {
        pickup: { location: 1 + (i % 3), service: 1, window: [0, 10] },
      }),
    );
    const p = lineProblem(requests, [vehicle("a"), vehicle("b"), vehicle("c")]);
    const params = { granularMinVehicles: 1, granularRoutes: 2 };
    const s = solve(p, { seed: 4, iterations: 200, params });
    expect(evaluate(p, s).violations).toEqual([]);
    // Each vehicle reaches A (10 km away) at minute 10, the end of every window, and a pick-up
    // takes a minute: one passenger per vehicle can be served, and the search finds all three.
    expect(240 - s.unassigned.length).toBe(3);
    expect(JSON.stringify(solve(p, { seed: 4, iterations: 200, params }))).toBe(JSON.stringify(s));
  });

  it("never mutates its input", () => {
    fc.assert(
      fc.property(arbProblem, (p) => {
        const before = JSON.stringify(p);
        solve(p, { seed: 1, iterations: 20 });
        expect(JSON.stringify(p)).toBe(before);
      }),
      { numRuns: 20, seed: 2 },
    );
  });

  it("explains each unserved request", () => {
    const p = lineProblem(
      [
        request("ramp", 1, 2, { features: ["ramp"] }),
        request("big", 1, 2, { load: [9] }),
        request("late", 3, 1, { pickup: { location: 3, service: 0, window: [0, 5] } }),
        request("long", 1, 3, { maxRideTime: { absolute: 5 } }),
        request("cheap", 4, 3, { penalty: 1 }),
      ],
      [vehicle("v1")],
    );
    const s = solve(p, { seed: 1, iterations: 50 });
    const reasons = Object.fromEntries(s.unassigned.map((u) => [u.request, u.reason]));
    expect(reasons).toEqual({
      ramp: "features",
      big: "capacity",
      late: "time-window",
      long: "ride-time",
      cheap: "not-worth-penalty",
    });
    expect(s.unassigned.every((u) => u.message.length > 0)).toBe(true);
  });

  it("rejects an invalid problem, naming the field", () => {
    const p = lineProblem([request("a", 1, 99)], [vehicle("v1")]);
    expect(() => solve(p, { seed: 1, iterations: 1 })).toThrow(/requests\[0\]\.dropoff\.location/);
  });
});
