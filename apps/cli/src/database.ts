import { createWorkerSolveRunner, type SolveRunner } from "@tt/app";
import { type Composition, compose, loadConfig } from "@tt/server";

/**
 * How `tt` solves: on a worker thread, or on the calling thread if no worker starts (a command
 * line has nothing else to keep responsive). `graceSeconds`: how long the engine may overrun its
 * time limit (default the runner's).
 */
export function cliSolveRunner(graceSeconds?: number): SolveRunner {
  return createWorkerSolveRunner({
    fallbackToMainThread: true,
    ...(graceSeconds === undefined ? {} : { graceSeconds }),
  });
}

/**
 * The server's services on the configured database (TT_DATA_DIR, or DATABASE_URL for PostgreSQL)
 * and travel times (TT_TRAVEL_TIMES), built by the server's composition root. Close it when done.
 * `graceSeconds`: how long a plan may overrun its time limit (an analysis's large pooled plan).
 */
export function openServices(
  env: NodeJS.ProcessEnv = process.env,
  options: { graceSeconds?: number } = {},
): Promise<Composition> {
  const solveRunner = cliSolveRunner(options.graceSeconds);
  return compose(loadConfig(env), { travelTimes: "on-first-use", solveRunner });
}
