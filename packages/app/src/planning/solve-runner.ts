import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type Problem, type Solution, solve } from "@tt/solver";

export interface SolveRequest {
  readonly problem: Problem;
  readonly seed: number;
  /** Wall-clock budget; progress is reported as the share of it used. */
  readonly timeLimitSeconds?: number;
  /** Iteration budget: same seed and iterations give the same plan. */
  readonly iterations?: number;
}

/** A solution and the thread it was made on ("worker-thread" or "main-thread"), with why. */
export interface SolveOutcome {
  readonly solution: Solution;
  readonly thread: string;
  /** Why a worker solve ran on the main thread instead. */
  readonly fallback?: string;
}

/** Runs the planning engine somewhere: on a worker thread by default. */
export interface SolveRunner {
  run(request: SolveRequest): Promise<SolveOutcome>;
}

/** Solves on the calling thread: blocks it for the whole budget (tests and the fallback). */
export const inlineSolveRunner: SolveRunner = {
  async run(request) {
    return { solution: solveHere(request), thread: "main-thread" };
  },
};

function solveHere(request: SolveRequest): Solution {
  return solve(request.problem, {
    seed: request.seed,
    ...(request.iterations === undefined ? {} : { iterations: request.iterations }),
    ...(request.timeLimitSeconds === undefined
      ? {}
      : { timeLimit: request.timeLimitSeconds, clock: () => performance.now() }),
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

type WorkerMessage = { type: "ready" } | { type: "solution"; solution: Solution };

/** Starts one worker; resolves with the solution, or rejects with `started` telling how far it got. */
function runOnWorker(request: SolveRequest, bootstrap: string): Promise<Solution> {
  return new Promise((resolve, reject) => {
    let started = false;
    const worker = new Worker(bootstrap, { eval: true, workerData: request });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") started = true;
      else resolve(message.solution);
    });
    worker.on("error", (error) => reject(Object.assign(error, { started })));
    worker.on("exit", (code) => {
      if (code !== 0)
        reject(Object.assign(new Error(`solver worker exited with ${code}`), { started }));
    });
  });
}

/**
 * Solves on a worker thread so the caller (an HTTP server) stays responsive. If the worker cannot
 * even start (no TypeScript loader, or a module that will not load), the solve falls back to the
 * calling thread and the outcome says why; errors inside the solve itself are not retried.
 */
export function createWorkerSolveRunner(): SolveRunner {
  const fallBack = (request: SolveRequest, fallback: string): SolveOutcome => ({
    solution: solveHere(request),
    thread: "main-thread",
    fallback,
  });
  return {
    async run(request) {
      const bootstrap = workerBootstrap();
      if (!bootstrap) return fallBack(request, "the tsx loader was not found for the worker");
      try {
        return { solution: await runOnWorker(request, bootstrap), thread: "worker-thread" };
      } catch (error) {
        if ((error as { started?: boolean }).started) throw error;
        return fallBack(request, `the worker did not start: ${(error as Error).message}`);
      }
    },
  };
}
