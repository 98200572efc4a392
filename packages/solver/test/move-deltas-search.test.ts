import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { insertRequests } from "../src/operators/insert-requests";
import { sequentialInsertion } from "../src/operators/sequential-insertion";
import { createRng } from "../src/rng";
import { REMOVALS } from "../src/search/alns";
import { relocateDescent } from "../src/search/local-search";
import { cloneState, emptyState, usedVehicles } from "../src/search/state";
import { arbMix, MIXES } from "./arbitrary-mixes";
import { type Harness, solvedHarness, stepChecker, TOLERANCE } from "./move-harness";

/**
 * The moves as the search makes them, in sequence: each repair insertion (with its cached
 * prediction), each sequential-construction insertion and each relocate move reports the cost
 * change it predicted, and the plan is re-evaluated after it with `evaluate()`.
 */
/** Cases per property; raise MOVE_DELTA_RUNS for a deeper search (e.g. before a release). */
const RUNS = Number(process.env.MOVE_DELTA_RUNS ?? 8);
vi.setConfig({ testTimeout: Math.max(60_000, RUNS * 2_000) });
const arbCase = (mix: (typeof MIXES)[number]) =>
  fc.tuple(
    arbMix(mix),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 1, max: 5 }),
    fc.nat(REMOVALS.length - 1),
    fc.integer({ min: 1, max: 3 }),
  );

/** The solved state after one of the search's removals (q between 1 and all served requests). */
function destroyed(h: Harness, seed: number, removal: number) {
  const state = cloneState(h.state);
  const rng = createRng(seed);
  const served = h.inst.n - state.unassigned.length;
  REMOVALS[removal]!.remove(h.ctx, state, 1 + rng.int(Math.max(1, served)), rng);
  return { state, rng };
}

describe("repair (greedy and regret-k insertion with cached per-run predictions)", () => {
  it.each(MIXES)("each insertion changes the objective as predicted (%s)", (mix) => {
    let moves = 0;
    fc.assert(
      fc.property(arbCase(mix), ([p, seed, iterations, removal, regret]) => {
        const h = solvedHarness(p, seed, iterations);
        const { state, rng } = destroyed(h, seed, removal);
        const check = stepChecker(h, state);
        // Half the cases limit the fleet to the runs in use, as the vehicle phase does.
        const maxVehicles = seed % 2 === 0 ? h.inst.vehicles.length : usedVehicles(state);
        insertRequests(h.ctx, state, {
          regret,
          noise: 0,
          rng,
          maxVehicles,
          onInsert: (r, _v, predicted) => {
            expect(predicted).toBeLessThan(h.inst.penalty[r]!);
            expect(check(predicted - h.inst.penalty[r]!)).toBeLessThan(TOLERANCE);
            moves++;
          },
        });
      }),
      { numRuns: RUNS, seed: 21 },
    );
    expect(moves).toBeGreaterThan(0);
  });

  it.each(["time-windows", "all"] as const)(
    "with noise, each prediction is the exact change moved by at most the amplitude, never below 0 (%s)",
    (mix) => {
      fc.assert(
        fc.property(arbCase(mix), fc.double({ min: 0.5, max: 30, noNaN: true }), (c, amplitude) => {
          const [p, seed, iterations, removal, regret] = c;
          const h = solvedHarness(p, seed, iterations);
          const { state, rng } = destroyed(h, seed, removal);
          const check = stepChecker(h, state);
          insertRequests(h.ctx, state, {
            regret,
            noise: amplitude,
            rng,
            maxVehicles: h.inst.vehicles.length,
            onInsert: (r, _v, noisy) => {
              // check() returns |actual - (noisy - penalty)| = |exact - noisy|.
              const gap = check(noisy - h.inst.penalty[r]!);
              expect(noisy).toBeGreaterThanOrEqual(0);
              if (noisy > 0) expect(gap).toBeLessThanOrEqual(amplitude + TOLERANCE);
            },
          });
        }),
        { numRuns: RUNS, seed: 22 },
      );
    },
  );
});

describe("sequential construction (large problems' first pass)", () => {
  it.each(MIXES)("each insertion changes the objective as predicted (%s)", (mix) => {
    let moves = 0;
    fc.assert(
      fc.property(arbCase(mix), ([p, seed]) => {
        const h = solvedHarness(p, seed, 1);
        const state = emptyState(h.ctx);
        const check = stepChecker(h, state);
        sequentialInsertion(h.ctx, state, h.inst.vehicles.length, (r, _v, predicted) => {
          expect(predicted).toBeLessThan(h.inst.penalty[r]!);
          expect(check(predicted - h.inst.penalty[r]!)).toBeLessThan(TOLERANCE);
          moves++;
        });
      }),
      { numRuns: RUNS, seed: 23 },
    );
    expect(moves).toBeGreaterThan(0);
  });
});

describe("relocate descent (remove a request, put it back at its cheapest place)", () => {
  it.each(MIXES)("each move changes the objective as predicted, and improves it (%s)", (mix) => {
    let moves = 0;
    fc.assert(
      fc.property(arbCase(mix), ([p, seed, iterations, removal]) => {
        const h = solvedHarness(p, seed, iterations);
        // Start from a rougher plan than solve()'s polished one: some requests re-inserted in
        // order of time, so the descent has moves to make.
        const { state } = destroyed(h, seed, removal);
        sequentialInsertion(h.ctx, state, h.inst.vehicles.length);
        const check = stepChecker(h, state);
        relocateDescent(h.ctx, state, h.inst.vehicles.length, 10, (move) => {
          expect(move.predicted).toBeLessThan(0);
          expect(check(move.predicted)).toBeLessThan(TOLERANCE);
          moves++;
        });
      }),
      { numRuns: RUNS, seed: 24 },
    );
    if (mix !== "linked-legs") expect(moves).toBeGreaterThan(0);
  });
});
