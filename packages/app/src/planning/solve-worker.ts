/**
 * Worker-thread entry of a day-plan solve: receives a `SolveRequest` as `workerData`, says it is
 * ready (its modules loaded), then posts the `Solution`. Errors surface as the worker's `error`.
 */
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { solve } from "@tt/solver";
import type { SolveRequest } from "./solve-runner";

const request = workerData as SolveRequest;
parentPort?.postMessage({ type: "ready" });
const solution = solve(request.problem, {
  seed: request.seed,
  ...(request.iterations === undefined ? {} : { iterations: request.iterations }),
  // The runner always sets a time limit; 30 s if a caller did not.
  timeLimit: request.timeLimitSeconds ?? 30,
  clock: () => performance.now(),
});
parentPort?.postMessage({ type: "solution", solution });
