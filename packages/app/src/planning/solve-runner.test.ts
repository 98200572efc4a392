import { evaluate } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { buildProblem } from "./build-problem";
import {
  boundedTimeLimit,
  createWorkerSolveRunner,
  inlineSolveRunner,
  workerBootstrap,
} from "./solve-runner";
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

describe("the worker solve runner's bounds", () => {
  const ready = `require("node:worker_threads").parentPort.postMessage({ type: "ready" });`;

  it("fails when the worker exits before sending its solution, whatever its exit code", async () => {
    const { problem } = await buildProblem(tinyRegister(), straightLineTravelTimes);
    const runner = createWorkerSolveRunner({ bootstrap: () => `${ready} process.exit(0);` });
    await expect(runner.run({ problem, seed: 1, iterations: 5 })).rejects.toThrow(
      /exited with code 0 before sending its solution/,
    );
  });

  it("stops a worker that has not answered by its time limit plus the grace period", async () => {
    const { problem } = await buildProblem(tinyRegister(), straightLineTravelTimes);
    const runner = createWorkerSolveRunner({
      graceSeconds: 0.1,
      bootstrap: () => `${ready} setInterval(() => {}, 1000);`,
    });
    const started = Date.now();
    await expect(
      runner.run({ problem, seed: 1, iterations: 5, timeLimitSeconds: 0.1 }),
    ).rejects.toMatchObject({ code: "unavailable", message: expect.stringContaining("stopped") });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("does not solve on the calling thread when the worker cannot start, unless told to", async () => {
    const { problem } = await buildProblem(tinyRegister(), straightLineTravelTimes);
    const request = { problem, seed: 1, iterations: 5 };
    const noLoader = () => undefined;
    await expect(
      createWorkerSolveRunner({ bootstrap: noLoader }).run(request),
    ).rejects.toMatchObject({
      code: "unavailable",
      message: "The planning engine could not be started.",
    });
    const cli = createWorkerSolveRunner({ bootstrap: noLoader, fallbackToMainThread: true });
    expect(await cli.run(request)).toMatchObject({ thread: "main-thread" });
  });

  it("gives every solve a time limit, at most 600 s", () => {
    expect(boundedTimeLimit(undefined)).toBe(30);
    expect(boundedTimeLimit(5)).toBe(5);
    expect(boundedTimeLimit(10_000)).toBe(600);
  });
});
