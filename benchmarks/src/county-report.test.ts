import type { Problem } from "@tt/solver";
import { solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { type CurvePoint, curveCsv, servability, thinCurve } from "./county-report";

const point = (seconds: number, bestCost: number): CurvePoint => ({
  seconds,
  iterations: Math.round(seconds * 10),
  bestCost,
  unassigned: 0,
});

describe("improvement curve", () => {
  it("keeps short curves whole", () => {
    const curve = [point(0, 10), point(1, 9)];
    expect(thinCurve(curve, 60)).toEqual(curve);
  });

  it("thins a long curve to at most max points: first, last, and each slice's last value", () => {
    // Many improvements early, few late: 200 points in the first second, 20 over the next 99.
    const curve = [
      ...Array.from({ length: 200 }, (_, i) => point(i / 200, 1000 - i)),
      ...Array.from({ length: 20 }, (_, i) => point(5 + i * 5, 700 - i)),
    ];
    const thin = thinCurve(curve, 12);
    expect(thin.length).toBeLessThanOrEqual(12);
    expect(thin[0]).toEqual(curve[0]);
    expect(thin[thin.length - 1]).toEqual(curve[curve.length - 1]);
    for (let i = 1; i < thin.length; i++) {
      expect(thin[i]!.seconds).toBeGreaterThan(thin[i - 1]!.seconds);
      expect(curve).toContain(thin[i]);
    }
    // The best cost at each kept point is the curve's value at that time (a step function).
    const at = (t: number) => curve.filter((p) => p.seconds <= t).at(-1)!.bestCost;
    for (const p of thin) expect(p.bestCost).toBe(at(p.seconds));
    // The 200 improvements of the first second and the one at 5 s share the first slice
    // (0 to 9.1 s), which keeps only its last value.
    expect(thin[1]).toEqual(point(5, 700));
  });

  it("writes one CSV line per point", () => {
    expect(curveCsv([point(1.5, 12.25)])).toBe(
      "seconds,iterations,best_cost,unassigned\n1.500,15,12.2500,0\n",
    );
  });
});

describe("servability of unassigned requests", () => {
  const line: Problem = {
    version: 1,
    dimensions: ["seats"],
    locations: [{ id: "depot" }, { id: "a" }, { id: "b" }],
    matrices: {
      time: [
        [0, 10, 20],
        [10, 0, 10],
        [20, 10, 0],
      ],
      distance: [
        [0, 10, 20],
        [10, 0, 10],
        [20, 10, 0],
      ],
    },
    requests: [
      {
        id: "late",
        pickup: { location: 1, service: 0, window: [0, 30] },
        dropoff: { location: 2, service: 0, window: [0, 40] },
        load: [1],
        penalty: 1000,
      },
      {
        id: "early",
        pickup: { location: 2, service: 0, window: [0, 30] },
        dropoff: { location: 1, service: 0, window: [0, 40] },
        load: [1],
        penalty: 1000,
      },
      {
        id: "lift",
        pickup: { location: 1, service: 0, window: [0, 30] },
        dropoff: { location: 2, service: 0, window: [0, 40] },
        load: [1],
        features: ["lift"],
        penalty: 1000,
      },
      {
        id: "far",
        pickup: { location: 2, service: 0, window: [0, 5] },
        dropoff: { location: 1, service: 0, window: [0, 40] },
        load: [1],
        penalty: 1000,
      },
    ],
    vehicles: [
      {
        id: "v",
        start: 0,
        end: 0,
        shift: [0, 60],
        layouts: [[1]],
        costs: { fixed: 0, perDistance: 1, perHour: 0 },
      },
    ],
    objective: "cost",
  };

  it("counts servable-but-unassigned requests and the others by reason", () => {
    const solution = solve(line, { seed: 1, iterations: 50 });
    const ids = solution.unassigned.map((u) => u.request).sort();
    // One vehicle, one seat, a 60-minute shift: "late" and "early" cannot both be served.
    expect(ids).toEqual(expect.arrayContaining(["far", "lift"]));
    const s = servability(line, solution);
    expect(s.unservable).toEqual({ features: 1, "time-window": 1 });
    expect(s.servableButUnassigned).toBe(ids.length - 2);
    expect(s.servableButUnassignedIds).toEqual(ids.filter((x) => x === "late" || x === "early"));
  });
});
