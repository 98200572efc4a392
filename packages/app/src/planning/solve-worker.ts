/**
 * Worker-thread entry of a solve: receives a `SolveRequest` as `workerData`, says it is ready (its
 * modules loaded), passes the engine's progress on when asked (at most every
 * `PROGRESS_EVERY_MS`), then posts the `Solution`. Errors surface as the worker's `error`.
 */
import { setPriority } from "node:os";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { type SolveProgress, solve } from "@tt/solver";
import { unpackMatrices } from "./packed-matrices";
import { PROGRESS_EVERY_MS, type WorkerRequest } from "./solve-runner";

/**
 * A solve is background work: its thread runs at a lower CPU priority than the threads answering
 * requests, so that a busy machine serves people first. Alone on a core it runs at full speed; a
 * solve with an iteration budget gives the same answer either way. Only on Linux, where the nice
 * value belongs to the calling thread; elsewhere it would lower the whole server.
 */
const SOLVE_NICENESS = 10;
if (process.platform === "linux") {
  try {
    setPriority(SOLVE_NICENESS);
  } catch {
    // Not permitted here (some containers): the solve runs at normal priority.
  }
}

const request = workerData as WorkerRequest;
const problem = request.packed
  ? { ...request.problem, matrices: unpackMatrices(request.packed) }
  : request.problem;
parentPort?.postMessage({ type: "ready" });
let lastSent = Number.NEGATIVE_INFINITY;
const onProgress = (progress: SolveProgress) => {
  const now = performance.now();
  if (now - lastSent < PROGRESS_EVERY_MS) return;
  lastSent = now;
  parentPort?.postMessage({ type: "progress", fraction: progress.fraction });
};
const solution = solve(problem, {
  seed: request.seed,
  ...(request.iterations === undefined ? {} : { iterations: request.iterations }),
  // The runner always sets a time limit; 30 s if a caller did not.
  timeLimit: request.timeLimitSeconds ?? 30,
  clock: () => performance.now(),
  ...(request.reportProgress ? { onProgress } : {}),
  ...(request.initial ? { initial: request.initial } : {}),
});
parentPort?.postMessage({ type: "solution", solution });
