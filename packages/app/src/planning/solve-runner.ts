import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type Plan, type Problem, type Solution, solve } from "@tt/solver";
import { AppError } from "../shared";
import { type PackedMatrices, packMatrices } from "./packed-matrices";

/** The time limit when none is given, and the most a solve may have, seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;
export const MAX_TIME_LIMIT_SECONDS = 600;
/** How long a worker may overrun its time limit before it is stopped, seconds. */
export const WORKER_GRACE_SECONDS = 30;

/** Every solve has a time limit: the one given (default 30 s), at most 600 s. */
export function boundedTimeLimit(given: number | undefined): number {
  return Math.min(given ?? DEFAULT_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS);
}

export interface SolveRequest {
  readonly problem: Problem;
  readonly seed: number;
  /** Wall-clock budget, seconds: always applied (`boundedTimeLimit`), iterations or not. */
  readonly timeLimitSeconds?: number;
  /** Iteration budget: same seed and iterations give the same plan. */
  readonly iterations?: number;
  /** A plan to start from (the engine keeps what the problem allows of it). */
  readonly initial?: Plan;
}

/** A solution and the thread it was made on ("worker-thread" or "main-thread"), with why. */
export interface SolveOutcome {
  readonly solution: Solution;
  readonly thread: string;
  /** Why a worker solve ran on the main thread instead. */
  readonly fallback?: string;
}

/** What a caller may follow while a solve runs. */
export interface SolveWatch {
  /**
   * The share of the budget used (0..1), reported after construction and at most every
   * `PROGRESS_EVERY_MS` while the engine finds better plans. Must not throw.
   */
  readonly onProgress?: (fraction: number) => void;
  /** Stops the solve: a worker thread is terminated at once and the run rejects. */
  readonly signal?: AbortSignal;
}

/** How often a worker passes the engine's progress on, at most, milliseconds. */
export const PROGRESS_EVERY_MS = 250;

/** Runs the planning engine somewhere: on a worker thread by default. */
export interface SolveRunner {
  run(request: SolveRequest, watch?: SolveWatch): Promise<SolveOutcome>;
}

/** Solves on the calling thread: blocks it for the whole budget (tests and the fallback). */
export const inlineSolveRunner: SolveRunner = {
  async run(request, watch) {
    if (watch?.signal?.aborted) throw new Error("the solve was stopped");
    return { solution: solveHere(request, watch), thread: "main-thread" };
  },
};

function solveHere(request: SolveRequest, watch?: SolveWatch): Solution {
  const onProgress = watch?.onProgress;
  return solve(request.problem, {
    seed: request.seed,
    ...(request.iterations === undefined ? {} : { iterations: request.iterations }),
    timeLimit: boundedTimeLimit(request.timeLimitSeconds),
    clock: () => performance.now(),
    ...(onProgress ? { onProgress: (p) => onProgress(p.fraction) } : {}),
    ...(request.initial ? { initial: request.initial } : {}),
  });
}

/**
 * The code a worker thread starts with. Built JavaScript loads `solve-worker.js` directly. From
 * TypeScript source, the worker first registers the tsx loader through its API and then imports
 * `solve-worker.ts`: on Node 20 a worker ignores `--import tsx` in `execArgv` for its entry file
 * ("Unknown file extension .ts"), so the loader is registered in code instead. Undefined when the
 * tsx loader cannot be found.
 */
export function workerBootstrap(moduleUrl: string = import.meta.url): string | undefined {
  const typescript = moduleUrl.endsWith(".ts");
  const entry = new URL(`./solve-worker.${typescript ? "ts" : "js"}`, moduleUrl).href;
  if (!typescript) return `import(${JSON.stringify(entry)});`;
  const loader = tsxEsmApi(moduleUrl);
  if (!loader) return undefined;
  return `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

/** The ES module build of `tsx/esm/api` (its CommonJS build cannot be imported from ESM). */
function tsxEsmApi(moduleUrl: string): string | undefined {
  try {
    const require = createRequire(moduleUrl);
    const manifest = require.resolve("tsx/package.json");
    const exported = (require(manifest) as TsxManifest).exports?.["./esm/api"]?.import?.default;
    return exported ? new URL(exported, pathToFileURL(manifest)).href : undefined;
  } catch {
    return undefined;
  }
}

interface TsxManifest {
  readonly exports?: Record<string, { readonly import?: { readonly default?: string } }>;
}

type WorkerMessage =
  | { type: "ready" }
  | { type: "progress"; fraction: number }
  | { type: "solution"; solution: Solution };

export interface WorkerSolveRunnerOptions {
  /**
   * Solve on the calling thread when the worker cannot start (default false). Only for the CLI,
   * where blocking the thread is harmless; a server must never do it.
   */
  readonly fallbackToMainThread?: boolean;
  /** How long the worker may overrun the time limit before it is stopped, seconds (default 30). */
  readonly graceSeconds?: number;
  /** The worker's code (tests); by default `workerBootstrap()`. */
  readonly bootstrap?: () => string | undefined;
}

/**
 * What a worker thread is sent: the request, its matrices packed and moved when they could be
 * (the Problem then carries empty ones), and whether to report progress.
 */
export interface WorkerRequest extends SolveRequest {
  readonly packed?: PackedMatrices;
  readonly reportProgress: boolean;
}

const NO_MATRICES = { time: [], distance: [] };

/** An error with how far the worker got: `started` once its modules loaded. */
type WorkerError = Error & { started?: boolean };

/**
 * Starts one worker; resolves with the solution, or rejects with `started` telling how far it got.
 * The worker is stopped if it has not answered by `deadlineMs`, and a worker that exits before
 * posting its solution (whatever its exit code) is a failure.
 */
function runOnWorker(
  request: SolveRequest,
  packed: PackedMatrices | undefined,
  bootstrap: string,
  deadlineMs: number,
  watch: SolveWatch = {},
) {
  return new Promise<Solution>((resolve, reject) => {
    let started = false;
    let settled = false;
    const reportProgress = watch.onProgress !== undefined;
    const workerData: WorkerRequest = packed
      ? {
          ...request,
          problem: { ...request.problem, matrices: NO_MATRICES },
          packed,
          reportProgress,
        }
      : { ...request, reportProgress };
    const transferList = packed ? [packed.time.buffer, packed.distance.buffer] : [];
    const worker = new Worker(bootstrap, { eval: true, workerData, transferList });
    const finish = (work: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      work();
    };
    const fail = (error: Error) => finish(() => reject(Object.assign(error, { started })));
    const timer = setTimeout(() => {
      fail(overran(deadlineMs));
      void worker.terminate();
    }, deadlineMs);
    const stop = () => {
      fail(Object.assign(new Error("the solve was stopped"), { started: true }));
      void worker.terminate();
    };
    if (watch.signal?.aborted) stop();
    watch.signal?.addEventListener("abort", stop, { once: true });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") started = true;
      else if (message.type === "progress") watch.onProgress?.(message.fraction);
      else finish(() => resolve(message.solution));
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      watch.signal?.removeEventListener("abort", stop);
      fail(new Error(`solver worker exited with code ${code} before sending its solution`));
    });
  });
}

function overran(deadlineMs: number): AppError {
  const seconds = Math.round(deadlineMs / 1000);
  return new AppError(
    "unavailable",
    `The planning engine did not answer within ${seconds} s (its time limit and a margin) and was stopped.`,
  );
}

/** The worker could not start: the job fails with a safe message; `cause` has the detail. */
function notStarted(detail: string): AppError {
  const error = new AppError("unavailable", "The planning engine could not be started.");
  return Object.assign(error, { cause: new Error(detail) });
}

/**
 * Solves on a worker thread so the caller (an HTTP server) stays responsive. The solve always has
 * a time limit, and the worker is stopped if it overruns it by the grace period. If the worker
 * cannot even start (no TypeScript loader, or a module that will not load) the solve fails, unless
 * `fallbackToMainThread` is set (the CLI): then it runs on the calling thread and the outcome says
 * why. Errors inside the solve itself are not retried.
 */
export function createWorkerSolveRunner(options: WorkerSolveRunnerOptions = {}): SolveRunner {
  const graceMs = (options.graceSeconds ?? WORKER_GRACE_SECONDS) * 1000;
  const cannotStart = (request: SolveRequest, why: string, watch?: SolveWatch): SolveOutcome => {
    if (!options.fallbackToMainThread) throw notStarted(why);
    return { solution: solveHere(request, watch), thread: "main-thread", fallback: why };
  };
  return {
    async run(given, watch) {
      const request = { ...given, timeLimitSeconds: boundedTimeLimit(given.timeLimitSeconds) };
      const bootstrap = (options.bootstrap ?? workerBootstrap)();
      if (!bootstrap)
        return cannotStart(request, "the tsx loader was not found for the worker", watch);
      const deadlineMs = request.timeLimitSeconds * 1000 + graceMs;
      try {
        const packed = await packMatrices(request.problem.matrices);
        const solution = await runOnWorker(request, packed, bootstrap, deadlineMs, watch);
        return { solution, thread: "worker-thread" };
      } catch (error) {
        if ((error as WorkerError).started || error instanceof AppError) throw error;
        const why = `the worker did not start: ${(error as Error).message}`;
        return cannotStart(request, why, watch);
      }
    },
  };
}
