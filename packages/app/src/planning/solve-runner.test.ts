import { evaluate } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { buildProblem } from "./build-problem";
import { createWorkerSolveRunner, inlineSolveRunner, workerBootstrap } from "./solve-runner";
import { straightLineTravelTimes, tinyRegister } from "./test-support/tiny-register";

describe("solve runners", () => {
  it("solves on a worker thread, the same plan as on the calling thread", async () => {
    const { problem } = await buildProblem(tinyRegister(), straightLineTravelTimes);
    const onWorker = await createWorkerSolveRunner().run({ problem, seed: 3, iterations: 40 });
    expect(onWorker.thread).toBe("worker-thread");
    expect(onWorker.fallback).toBeUndefined();
    expect(evaluate(problem, onWorker.solution).violations).toEqual([]);
    const here = await inlineSolveRunner.run({ problem, seed: 3, iterations: 40 });
    expect(onWorker.solution).toEqual(here.solution);
  });

  it("registers tsx in the worker for TypeScript source, and nothing for JavaScript", () => {
    expect(workerBootstrap(import.meta.url)).toContain("register()");
    expect(workerBootstrap("file:///x/solve-runner.js")).toBe(
      'import("file:///x/solve-worker.js");',
    );
  });
});
