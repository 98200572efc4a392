import { evaluate } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { buildProblem } from "./build-problem";
import { createWorkerSolveRunner, inlineSolveRunner, workerBootstrap } from "./solve-runner";
import { straightLineTravelTimes, tinyRegister } from "./test-support/tiny-register";

describe("solve runners", () => {
  it("solves on a worker thread, the same plan as on the calling thread", async () => {
    const { problem } = await buildProblem(tinyRegister(), straightLineTravelTimes);
    const fallbacks: string[] = [];
    const runner = createWorkerSolveRunner((reason) => fallbacks.push(reason));
    const onWorker = await runner.run({ problem, seed: 3, iterations: 40 });
    expect(fallbacks).toEqual([]);
    expect(evaluate(problem, onWorker).violations).toEqual([]);
    expect(onWorker).toEqual(await inlineSolveRunner.run({ problem, seed: 3, iterations: 40 }));
  });

  it("registers tsx in the worker for TypeScript source, and nothing for JavaScript", () => {
    expect(workerBootstrap(import.meta.url)).toContain("register()");
    expect(workerBootstrap("file:///x/solve-runner.js")).toBe(
      'import("file:///x/solve-worker.js");',
    );
  });
});
