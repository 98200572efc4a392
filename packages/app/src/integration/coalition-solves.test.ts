import type { Problem, Solution } from "@tt/solver";
import { describe, expect, it } from "vitest";
import type { SolveRunner } from "../planning/solve-runner";
import { allCoalitions, solveCoalitions, withSiloAndPooled } from "./coalition-solves";

/** Each coalition's stand-in Problem carries its mask as its name, for the fake runner. */
const source = {
  problem: (mask: number) => ({ name: String(mask) }) as unknown as Problem,
  label: (mask: number) => `c${mask}`,
};

/** A runner that answers after a tick and records how many solves ran at once. */
function countingRunner(failOn?: number) {
  let running = 0;
  const seen = { most: 0, asked: [] as number[] };
  const runner: SolveRunner = {
    async run(request, watch) {
      const mask = Number(request.problem.name);
      seen.asked.push(mask);
      running++;
      seen.most = Math.max(seen.most, running);
      watch?.onProgress?.(0.5);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (mask === failOn) throw new Error(`solve ${mask} failed`);
      return { solution: { cost: { total: mask } } as unknown as Solution, thread: "test" };
    },
  };
  return { runner, seen };
}

describe("solveCoalitions", () => {
  it("lists every coalition, and adds the singletons and the grand coalition to a sample", () => {
    expect(allCoalitions(3)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(withSiloAndPooled(3, [3])).toEqual([1, 2, 3, 4, 7]);
  });

  it("solves each coalition once, at most `parallel` at a time, largest first", async () => {
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
    expect(seen.asked).toEqual([7, 3, 5, 6, 1, 2, 4]);
    expect(fractions.at(-1)).toBe(1);
  });

  it("stops starting solves after a failure and rejects with it", async () => {
    const { runner, seen } = countingRunner(6);
    const run = solveCoalitions(allCoalitions(3), source, {
      seed: 0,
      parallel: 1,
      runner,
    });
    await expect(run).rejects.toThrow("solve 6 failed");
    expect(seen.asked).toEqual([7, 3, 5, 6]);
  });
});
