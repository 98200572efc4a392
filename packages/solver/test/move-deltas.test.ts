import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  bestInsertion,
  buildInsertion,
  type InsertionResult,
  RouteCache,
} from "../src/operators/insertion-eval";
import { removalSaving } from "../src/operators/worst-removal";
import {
  cloneState,
  recomputeRouteCost,
  removeRequest,
  type State,
  totalCost,
} from "../src/search/state";
import type { SolveProgress } from "../src/solve";
import { arbMix, MIXES } from "./arbitrary-mixes";
import {
  type Harness,
  mayUse,
  runViolations,
  servedOf,
  solvedHarness,
  TOLERANCE,
} from "./move-harness";

/**
 * "Each move's predicted cost change equals full re-evaluation": every cost change the search
 * predicts is compared with `evaluate()` of the plan before and after the move. The plan's
 * objective is `cost.total` under the `cost` objective and distance + unserved penalties under
 * `distance` and `vehicles-then-distance` (the search's own measure in each case).
 */
/** Cases per property; raise MOVE_DELTA_RUNS for a deeper search (e.g. before a release). */
const RUNS = Number(process.env.MOVE_DELTA_RUNS ?? 10);
vi.setConfig({ testTimeout: Math.max(60_000, RUNS * 2_000) });
const arbCase = (mix: (typeof MIXES)[number]) =>
  fc.tuple(arbMix(mix), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 8 }));

/** The state with request r taken out of run v (and its run cost recomputed as the search does). */
function without(h: Harness, state: State, r: number, v: number): State {
  const next = cloneState(state);
  removeRequest(next, v, r);
  recomputeRouteCost(h.ctx, next, v);
  next.unassigned.push(r);
  return next;
}

/** Checks bestInsertion of r into every run it may use; returns how many insertions were checked. */
function checkInsertions(h: Harness, state: State, r: number): number {
  const before = h.evaluate(state);
  const cache = new RouteCache();
  const res: InsertionResult = { delta: 0, i: 0, j: 0 };
  let checked = 0;
  for (let v = 0; v < h.inst.vehicles.length; v++) {
    if (!mayUse(h, state, r, v)) continue;
    cache.prepare(h.ctx, h.inst.vehicles[v]!, state.routes[v]!, state.costs[v]!);
    bestInsertion(h.ctx, cache, r, res);
    if (res.delta === Number.POSITIVE_INFINITY) continue;
    const next = cloneState(state);
    const len = buildInsertion(state.routes[v]!, r, res.i, res.j, h.ctx.scratch);
    next.routes[v] = Array.from(h.ctx.scratch.subarray(0, len));
    next.unassigned = next.unassigned.filter((x) => x !== r);
    const after = h.evaluate(next);
    const predicted = res.delta - h.inst.penalty[r]!;
    expect(Math.abs(after.objective - before.objective - predicted)).toBeLessThan(TOLERANCE);
    const broken = runViolations(after, h.inst.vehicles[v]!.vehicle.id);
    expect(broken).toEqual([]);
    checked++;
  }
  return checked;
}

describe("the search's running cost (what acceptance and progress reports compare)", () => {
  it.each(MIXES)(
    "equals evaluate() of its plan, run by run, and the last progress report (%s)",
    (mix) => {
      fc.assert(
        fc.property(arbCase(mix), ([p, seed, iterations]) => {
          const seen: SolveProgress[] = [];
          const h = solvedHarness(p, seed, iterations, (x) => seen.push(x));
          const ev = h.evaluate(h.state);
          expect(Math.abs(totalCost(h.ctx, h.state) - ev.objective)).toBeLessThan(TOLERANCE);
          for (let v = 0; v < h.inst.vehicles.length; v++) {
            const run = ev.runs.find((x) => x.vehicle === h.inst.vehicles[v]!.vehicle.id);
            const runObjective = p.objective === "cost" ? run?.cost.total : run?.distance;
            expect(Math.abs(h.state.costs[v]! - (runObjective ?? 0))).toBeLessThan(TOLERANCE);
          }
          // Under vehicles-then-distance the vehicle phase's bests are not reported (fewer vehicles
          // may cost more distance), so only the other objectives end on their last report.
          if (p.objective === "vehicles-then-distance") return;
          const last = seen[seen.length - 1]!;
          expect(Math.abs(last.bestCost - ev.objective)).toBeLessThan(TOLERANCE);
          expect(last.unassigned).toBe(h.solution.unassigned.length);
        }),
        { numRuns: RUNS, seed: 11 },
      );
    },
  );
});

describe("insertion (bestInsertion: cheapest feasible pick-up and drop-off positions in a run)", () => {
  it.each(MIXES)("predicts the objective change and keeps the run feasible (%s)", (mix) => {
    let checked = 0;
    fc.assert(
      fc.property(arbCase(mix), ([p, seed, iterations]) => {
        const h = solvedHarness(p, seed, iterations);
        for (const r of h.state.unassigned) checked += checkInsertions(h, h.state, r);
        // Every served request, taken out, is also put back into every run it may use.
        for (const { r, v } of servedOf(h, h.state))
          checked += checkInsertions(h, without(h, h.state, r, v), r);
      }),
      { numRuns: RUNS, seed: 12 },
    );
    expect(checked).toBeGreaterThan(RUNS);
  });
});

describe("removal (run cost recomputed by the search; worst removal's distance saving)", () => {
  it.each(MIXES)("predicts the objective change: penalty in, run saving out (%s)", (mix) => {
    fc.assert(
      fc.property(arbCase(mix), ([p, seed, iterations]) => {
        const h = solvedHarness(p, seed, iterations);
        const before = h.evaluate(h.state);
        for (const { r, v } of servedOf(h, h.state)) {
          const next = without(h, h.state, r, v);
          const after = h.evaluate(next);
          const predicted = next.costs[v]! - h.state.costs[v]! + h.inst.penalty[r]!;
          expect(Math.abs(after.objective - before.objective - predicted)).toBeLessThan(TOLERANCE);
          // Worst removal ranks by distance saved (by design, under every objective): it equals
          // the distance the plan loses, except for a run left empty, which is not driven at all
          // but is still charged its start-to-end depot leg (reported as a bug).
          const saving = removalSaving(h.ctx, h.state.routes[v]!, v, r);
          const veh = h.inst.vehicles[v]!;
          const emptied = next.routes[v]!.length === 0;
          const depotLeg = emptied ? h.inst.dist[veh.startLoc * h.inst.nLoc + veh.endLoc]! : 0;
          const lost = before.distance - after.distance;
          expect(Math.abs(lost - depotLeg - saving)).toBeLessThan(TOLERANCE);
        }
      }),
      { numRuns: RUNS, seed: 13 },
    );
  });
});
