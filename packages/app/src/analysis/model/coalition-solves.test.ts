import type { Plan, Problem, Solution } from "@tt/solver";
import { describe, expect, it } from "vitest";
import type { SolveRunner } from "../../planning";
import {
  allCoalitions,
  MIN_PLAN_SECONDS,
  planSeconds,
  solveCoalitions,
  startPlan,
  withSiloAndPooled,
} from "./coalition-solves";
import type { SolvedPlan } from "./types";

/** Each coalition's stand-in Problem carries its mask as its name, for the fake runner. */
const source = {
  problem: (mask: number) => ({ name: String(mask) }) as unknown as Problem,
  label: (mask: number) => `c${mask}`,
};

/**
 * A runner that answers after a tick and records how many solves ran at once, and the plan each
 * started from. Its plan for a coalition has one run per funder, on vehicle "v<bit>", costing
 * the mask.
 */
function countingRunner(failOn?: number) {
  let running = 0;
  const seen = { most: 0, asked: [] as number[], initial: new Map<number, Plan | undefined>() };
  const runner: SolveRunner = {
    async run(request, watch) {
      const mask = Number(request.problem.name);
      seen.asked.push(mask);
      seen.initial.set(mask, request.initial);
      running++;
      seen.most = Math.max(seen.most, running);
      watch?.onProgress?.(0.5);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (mask === failOn) throw new Error(`solve ${mask} failed`);
      return { solution: plan(mask, mask), thread: "test" };
    },
  };
  return { runner, seen };
}

describe("solveCoalitions", () => {
  it("lists every coalition, and adds the singletons and the grand coalition to a sample", () => {
    expect(allCoalitions(3)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(withSiloAndPooled(3, [3])).toEqual([1, 2, 3, 4, 7]);
  });

  it("solves each coalition once, smallest coalitions first, at most `parallel` at a time", async () => {
    const { runner, seen } = countingRunner();
    const fractions: number[] = [];
    const masks = allCoalitions(3);
    const plans = await solveCoalitions(masks, source, {
      seed: 0,
      parallel: 2,
      runner,
      onProgress: (f) => fractions.push(f),
    });
    expect([...plans.keys()]).toEqual(masks);
    expect(seen.most).toBe(2);
    expect(seen.asked).toEqual([1, 2, 4, 3, 5, 6, 7]);
    expect(fractions.at(-1)).toBe(1);
  });

  it("starts each larger coalition from two smaller ones' plans put together", async () => {
    const { runner, seen } = countingRunner();
    await solveCoalitions(allCoalitions(3), source, { seed: 0, parallel: 2, runner });
    expect(seen.initial.get(1)).toBeUndefined();
    expect(vehiclesOf(seen.initial.get(3))).toEqual(["v1", "v2"]);
    // 7 = 1 + 6 (objective 7) or 2 + 5 (7) or 4 + 3 (7): ties go to the first split found.
    expect(vehiclesOf(seen.initial.get(7)).sort()).toEqual(["v1", "v2", "v4"]);
  });

  it("stops starting solves after a failure and rejects with it", async () => {
    const { runner, seen } = countingRunner(6);
    const run = solveCoalitions(allCoalitions(3), source, {
      seed: 0,
      parallel: 1,
      runner,
    });
    await expect(run).rejects.toThrow("solve 6 failed");
    expect(seen.asked).toEqual([1, 2, 4, 3, 5, 6]);
  });
});

describe("startPlan", () => {
  it("takes the split with the lowest sum of objectives", () => {
    // Coalition 7 = {1, 6}: 10 + 50; {2, 5}: 10 + 10; {4, 3}: 10 + 30.
    const solved = new Map<number, SolvedPlan>(
      [
        [1, 10],
        [2, 10],
        [4, 10],
        [3, 30],
        [5, 10],
        [6, 50],
      ].map(([mask, objective]) => [mask!, solvedPlan(mask!, objective!)]),
    );
    expect(vehiclesOf(startPlan(7, solved)).sort()).toEqual(["v1", "v2", "v4"]);
    expect(startPlan(7, solved)?.runs.map((r) => r.stops[0])).toEqual([
      { kind: "pickup", request: "2-2" },
      { kind: "pickup", request: "5-1" },
      { kind: "pickup", request: "5-4" },
    ]);
    expect(startPlan(1, solved)).toBeUndefined();
    expect(startPlan(7, new Map([[1, solvedPlan(1, 1)]]))).toBeUndefined();
  });
});

describe("planSeconds", () => {
  it("shares the total time by coalition size, within the engine's bounds", () => {
    const sizes = new Map([
      [1, 10],
      [2, 30],
      [3, 40],
      [4, 0],
    ]);
    const seconds = planSeconds([1, 2, 3, 4], { size: (m) => sizes.get(m) ?? 0 }, 10);
    // 40 s in all, shared 10 : 30 : 40 : 0 of 80 (the empty one gets the minimum).
    expect([...seconds.values()]).toEqual([5, 15, 20, MIN_PLAN_SECONDS]);
    expect([...planSeconds([1, 2], {}, 10).values()]).toEqual([10, 10]);
    expect([...planSeconds([1, 2], { size: () => 5 }, undefined).values()]).toEqual([
      undefined,
      undefined,
    ]);
    expect(planSeconds([1, 3], { size: (m) => (m === 3 ? 1e6 : 1) }, 500).get(3)).toBe(600);
  });
});

/** A plan for a coalition: one run per funder in the mask, on vehicle "v<bit>". */
function plan(mask: number, objective: number): Solution {
  const runs = [];
  for (let bit = 1; bit <= mask; bit <<= 1) {
    if ((mask & bit) === 0) continue;
    const stops = [
      { kind: "pickup" as const, request: `${mask}-${bit}` },
      { kind: "dropoff" as const, request: `${mask}-${bit}` },
    ];
    runs.push({ vehicle: `v${bit}`, stops });
  }
  return { runs, cost: { total: objective } } as unknown as Solution;
}

function solvedPlan(mask: number, objective: number): SolvedPlan {
  return { problem: { name: String(mask) } as unknown as Problem, solution: plan(mask, objective) };
}

function vehiclesOf(p: Plan | undefined): string[] {
  return p?.runs.map((r) => r.vehicle) ?? [];
}
