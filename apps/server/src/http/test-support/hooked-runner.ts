import { createWorkerSolveRunner, type SolveRunner } from "@tt/app";

/**
 * The engine on worker threads, with a hook that runs once as the next plan starts (after a
 * job's own checks): how a test suspends an agreement in the middle of a running job.
 */
export function hookedRunner(): {
  runner: SolveRunner;
  onNextSolve(hook: () => Promise<void>): void;
  pending(): boolean;
} {
  let next: (() => Promise<void>) | undefined;
  const workers = createWorkerSolveRunner();
  return {
    runner: {
      async run(request, watch) {
        const hook = next;
        next = undefined;
        await hook?.();
        return workers.run(request, watch);
      },
    },
    onNextSolve(hook) {
      next = hook;
    },
    pending: () => next !== undefined,
  };
}
