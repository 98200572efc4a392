import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type Plan, type PlanStop, type Problem, rideTimeLimit } from "../src/index";
import { arbProblem } from "./arbitrary";

/** A random plan: each request on a random vehicle (or none), stops randomly interleaved. */
function randomPlan(p: Problem, picks: readonly number[]): Plan {
  let k = 0;
  const draw = (n: number): number => picks[k++ % picks.length]! % n;
  const runs = p.vehicles.map((v) => ({ vehicle: v.id, stops: [] as PlanStop[] }));
  for (const r of p.requests) {
    const v = draw(p.vehicles.length + 1);
    if (v === p.vehicles.length) continue;
    const stops = runs[v]!.stops;
    const i = draw(stops.length + 1);
    stops.splice(i, 0, { kind: "pickup", request: r.id });
    const j = i + 1 + draw(stops.length - i);
    stops.splice(j, 0, { kind: "dropoff", request: r.id });
  }
  return { runs };
}

const TIMING = new Set(["time-window", "ride-time", "shift", "max-duration"]);

describe("evaluate on random plans", () => {
  it("reports a consistent schedule, and no timing violation only when the schedule really keeps every limit", () => {
    fc.assert(
      fc.property(
        arbProblem,
        fc.array(fc.nat(1000), { minLength: 50, maxLength: 50 }),
        (p, picks) => {
          const plan = randomPlan(
            { ...p, vehicles: p.vehicles.map((v) => ({ ...v, breaks: [] })) },
            picks,
          );
          const e = evaluate(
            { ...p, vehicles: p.vehicles.map((v) => ({ ...v, breaks: [] })) },
            plan,
          );
          const byId = new Map(p.requests.map((r) => [r.id, r]));
          for (const run of e.runs) {
            const v = p.vehicles.find((x) => x.id === run.vehicle)!;
            let prevLoc = v.start;
            let prevDep = run.start;
            const departed = new Map<string, number>();
            let ok = run.start >= v.shift[0] - 1e-6 && run.end <= v.shift[1] + 1e-6;
            ok &&= run.end - run.start <= (v.maxDuration ?? Number.POSITIVE_INFINITY) + 1e-6;
            for (const s of run.stops) {
              expect(s.arrival).toBeCloseTo(prevDep + p.matrices.time[prevLoc]![s.location]!, 6);
              expect(s.start).toBeGreaterThanOrEqual(s.arrival - 1e-6);
              if (s.kind === "break") continue;
              const r = byId.get(s.request)!;
              const w = s.kind === "pickup" ? r.pickup.window : r.dropoff.window;
              ok &&= s.start >= w[0] - 1e-6 && s.start <= w[1] + 1e-6;
              if (s.kind === "pickup") departed.set(r.id, s.departure);
              else ok &&= s.start - departed.get(r.id)! <= rideTimeLimit(p, r) + 1e-6;
              prevLoc = s.location;
              prevDep = s.departure;
            }
            const timingViolations = e.violations.filter(
              (x) => x.vehicle === run.vehicle && TIMING.has(x.constraint),
            );
            if (timingViolations.length === 0) expect(ok).toBe(true);
            else expect(ok).toBe(false);
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});
