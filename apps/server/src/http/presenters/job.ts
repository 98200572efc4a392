import type { Job } from "@tt/app";
import type { JobView } from "@tt/contract";

/** The public view of a job: never its input, its organisation or who asked. */
export function presentJob(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    result: job.result ? { ...job.result } : null,
    error: job.error ? { ...job.error } : null,
    cancelRequested: job.cancelRequested,
    attempts: job.attempts,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}
