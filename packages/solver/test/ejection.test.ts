import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate";
import { planToState } from "../src/insert";
import { compileInstance } from "../src/instance";
import { ejectionPass } from "../src/operators/ejection";
import { createRng } from "../src/rng";
import { REMOVALS } from "../src/search/alns";
import { SearchContext } from "../src/search/context";
import { cloneState } from "../src/search/state";
import { stateToPlan } from "../src/solve";
import { arbMix, MIXES } from "./arbitrary-mixes";
import { lineProblem, request, vehicle } from "./builders";
import { solvedHarness, stepChecker, TOLERANCE } from "./move-harness";

const never = () => false;

/**
 * One seat per vehicle. V1 (depot at 0) carries FLEX from A (10 min away) to B; TIGHT must be
 * picked up at A by minute 12 and only V1 can get there in time; V2 (depot at C, 20 min from A)
 * can still take FLEX, whose pick-up may wait until minute 25. Neither fits beside the other in V1.
 */
function displacement() {
  const p = lineProblem(
    [
      request("FLEX", 1, 2, { pickup: { location: 1, service: 0, window: [10, 25] } }),
      request("TIGHT", 1, 2, {
        pickup: { location: 1, service: 0, window: [10, 12] },
        penalty: 1000,
      }),
    ],
    [vehicle("V1", { layouts: [[1]] }), vehicle("V2", { start: 3, end: 3, layouts: [[1]] })],
  );
  const ctx = new SearchContext(compileInstance(p));
  const plan = {
    runs: [
      {
        vehicle: "V1",
        stops: [
          { kind: "pickup" as const, request: "FLEX" },
          { kind: "dropoff" as const, request: "FLEX" },
        ],
      },
    ],
  };
  return { p, ctx, state: planToState(ctx, plan) };
}

describe("ejection chains (a waiting request takes a passenger's place, who moves)", () => {
  it("moves FLEX to V2 so that TIGHT can ride V1, lowering the objective as predicted", () => {
    const { p, ctx, state } = displacement();
    const before = evaluate(p, stateToPlan(ctx, state)).objective;
    const moves: { predicted: number; displaced: boolean }[] = [];
    const placed = ejectionPass(ctx, state, {
      maxVehicles: 2,
      routes: 10,
      done: never,
      onMove: (predicted, displaced) => moves.push({ predicted, displaced }),
    });
    const after = evaluate(p, stateToPlan(ctx, state));
    expect(placed).toBe(1);
    expect(after.violations).toEqual([]);
    expect(
      after.runs.map((r) => [r.vehicle, r.stops.map((s) => "request" in s && s.request)]),
    ).toEqual([
      ["V1", ["TIGHT", "TIGHT"]],
      ["V2", ["FLEX", "FLEX"]],
    ]);
    expect(moves).toHaveLength(1);
    expect(moves[0]!.displaced).toBe(true);
    expect(Math.abs(after.objective - before - moves[0]!.predicted)).toBeLessThan(1e-6);
  });

  it("leaves the plan alone when the displaced passenger has nowhere to go", () => {
    const { p, ctx, state } = displacement();
    // With one vehicle allowed in use, V2 cannot be opened for FLEX.
    const frozen = JSON.stringify(state);
    expect(ejectionPass(ctx, state, { maxVehicles: 1, routes: 10, done: never })).toBe(0);
    expect(JSON.stringify(state)).toBe(frozen);
    expect(evaluate(p, stateToPlan(ctx, state)).violations).toEqual([]);
  });

  it.each(MIXES)("each exchange changes the objective as predicted, and lowers it (%s)", (mix) => {
    let moves = 0;
    fc.assert(
      fc.property(arbMix(mix), fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        const h = solvedHarness(p, seed, 3);
        const state = cloneState(h.state);
        const rng = createRng(seed);
        REMOVALS[seed % REMOVALS.length]!.remove(h.ctx, state, 1 + rng.int(h.inst.n), rng);
        const check = stepChecker(h, state);
        // Half the cases allow no new vehicle, so only exchanges between runs in use can place.
        const maxVehicles = seed % 2 === 0 ? h.inst.vehicles.length : 1;
        ejectionPass(h.ctx, state, {
          maxVehicles,
          routes: 3,
          done: never,
          onMove: (predicted) => {
            expect(predicted).toBeLessThan(0);
            expect(check(predicted)).toBeLessThan(TOLERANCE);
            moves++;
          },
        });
        expect(h.evaluate(state).violations).toEqual([]);
      }),
      { numRuns: 8, seed: 41 },
    );
    expect(moves).toBeGreaterThan(0);
  });
});
