import { ROLES } from "@tt/domain";
import type { Clock, Job, JobClaim, JobEnd, JobFailure } from "../ports";
import { type Actor, isAppError, loggedError } from "../shared";
import type { JobsUnitOfWork, RegisteredKind, RequestedBy } from "./job-kind";

/** A failed job, with the full error: for the server's log, never for the job's readers. */
export interface JobFailureReport {
  readonly jobId: string;
  readonly kind: string;
  readonly organisationId: string;
  readonly error: unknown;
}

export interface JobRunnerOptions {
  readonly clock: Clock;
  /** How often progress is written to the job, at most, milliseconds (default 1000). */
  readonly progressEveryMs?: number;
  /** How often a running job looks for a cancel request, milliseconds (default 250). */
  readonly cancelPollMs?: number;
  /** Where unexpected failures are logged in full (default: one JSON line on standard error). */
  readonly log?: (failure: JobFailureReport) => void;
  /**
   * Where a finished job stores its output (a plan with its runs, a report): large writes that
   * should give way to requests someone is waiting for (default: the runner's unit of work).
   */
  readonly bulk?: JobsUnitOfWork;
}

/** Thrown by a run that saw its signal abort. */
export class JobCancelled extends Error {
  constructor() {
    super("The job was cancelled.");
    this.name = "JobCancelled";
  }
}

/** A run that lost its claim (its job was cancelled, or handed to another worker) stops here. */
class ClaimLost extends Error {}

/**
 * Runs claimed jobs: finds the job's kind, runs it with progress and cancellation, and ends the
 * job (succeeded with what the kind stored, failed with a message every reader may see, or
 * cancelled). Every write names the claim's attempt, so a run that lost its claim writes nothing.
 */
export class JobRunner {
  private readonly controllers = new Map<string, AbortController>();

  constructor(
    private readonly unitOfWork: JobsUnitOfWork,
    private readonly kinds: ReadonlyMap<string, RegisteredKind>,
    private readonly options: JobRunnerOptions,
  ) {}

  /** Runs one claimed job to its end; never throws. `lost` aborts when the claim is lost. */
  readonly execute = async (claim: JobClaim, lost?: AbortSignal): Promise<void> => {
    const controller = new AbortController();
    lost?.addEventListener("abort", () => controller.abort(), { once: true });
    this.controllers.set(claim.jobId, controller);
    const watch = this.watchForCancel(claim, controller);
    try {
      await this.runClaimed(claim, controller.signal);
    } finally {
      clearInterval(watch);
      this.controllers.delete(claim.jobId);
    }
  };

  /** Stops a job running in this process at once (a cancel asked here). */
  abortHere(jobId: string): void {
    this.controllers.get(jobId)?.abort();
  }

  private async runClaimed(claim: JobClaim, signal: AbortSignal): Promise<void> {
    const job = await this.unitOfWork.repositories.jobs.get(claim.jobId).catch(() => undefined);
    if (!job) return;
    const kind = this.kinds.get(job.kind);
    const progress = this.progressWriter(claim);
    try {
      if (!kind) throw new Error(`no job kind "${job.kind}" is registered in this process`);
      const output = await kind.run({ job, actor: actorOf(job), signal, progress: progress.write });
      await progress.flush();
      if (signal.aborted) throw new JobCancelled();
      await (this.options.bulk ?? this.unitOfWork).transaction(async (repos) => {
        const result = await output.store(repos);
        if (!(await repos.jobs.finish(claim, { status: "succeeded", result })))
          throw new ClaimLost();
      });
    } catch (error) {
      await progress.flush();
      await this.endFailed(claim, job, kind, error, signal);
    }
  }

  private async endFailed(
    claim: JobClaim,
    job: Job,
    kind: RegisteredKind | undefined,
    error: unknown,
    signal: AbortSignal,
  ): Promise<void> {
    if (error instanceof ClaimLost) return;
    const jobs = this.unitOfWork.repositories.jobs;
    if (signal.aborted) {
      // Cancelled by a person, or the claim was lost and the queue hands the job on: either way
      // what the run was doing no longer counts.
      if (await this.cancelRequested(claim.jobId))
        await jobs.finish(claim, { status: "cancelled" }).catch(() => false);
      return;
    }
    if (isUnexpected(error)) this.report(job, error);
    const end: JobEnd = { status: "failed", error: describe(error, kind) };
    // If even this write fails (the database has gone) there is nobody left to tell.
    await jobs.finish(claim, end).catch(() => false);
  }

  private async cancelRequested(jobId: string): Promise<boolean> {
    const job = await this.unitOfWork.repositories.jobs.get(jobId).catch(() => undefined);
    return job?.cancelRequested ?? false;
  }

  private watchForCancel(claim: JobClaim, controller: AbortController) {
    return setInterval(() => {
      void this.cancelRequested(claim.jobId).then((asked) => {
        if (asked) controller.abort();
      });
    }, this.options.cancelPollMs ?? 250);
  }

  /** Writes progress (1–99) at most every `progressEveryMs`; `flush` waits for the last write. */
  private progressWriter(claim: JobClaim) {
    const every = this.options.progressEveryMs ?? 1000;
    let last = Number.NEGATIVE_INFINITY;
    let shown = 0;
    let pending: Promise<void> = Promise.resolve();
    const write = (fraction: number) => {
      const now = this.options.clock.now().getTime();
      const progress = Math.min(99, Math.max(1, Math.floor(fraction * 100)));
      if (progress === shown || now - last < every) return;
      last = now;
      shown = progress;
      pending = this.unitOfWork.repositories.jobs.progress(claim, progress).catch(() => {});
    };
    return { write, flush: () => pending };
  }

  private report(job: Job, error: unknown): void {
    const failure = { jobId: job.id, kind: job.kind, organisationId: job.organisationId, error };
    (this.options.log ?? logToStandardError)(failure);
  }
}

/** The person who asked for the job, as the run acts for them. */
export function actorOf(job: Job): Actor {
  const asked = requestedBy(job.input.requestedBy);
  return {
    userId: job.createdBy ?? "",
    organisationId: job.organisationId,
    role: asked.role,
    ...(asked.purpose === undefined ? {} : { purpose: asked.purpose }),
  };
}

function requestedBy(value: unknown): RequestedBy {
  const object = typeof value === "object" && value !== null ? value : {};
  const role = "role" in object ? ROLES.find((known) => known === object.role) : undefined;
  if (!role) throw new Error("the job does not say which role asked for it");
  const purpose =
    "purpose" in object && typeof object.purpose === "string" ? object.purpose : undefined;
  return { role, ...(purpose === undefined ? {} : { purpose }) };
}

/** An error the kind did not foresee: logged in full, shown as the kind's generic message. */
function isUnexpected(error: unknown): boolean {
  return !isAppError(error) || error.cause !== undefined;
}

function describe(error: unknown, kind: RegisteredKind | undefined): JobFailure {
  if (!isUnexpected(error) && isAppError(error))
    return { code: error.code, message: error.message, details: error.details };
  const message = kind?.genericFailure ?? "The job failed because of an internal error.";
  return { code: "internal", message };
}

function logToStandardError(failure: JobFailureReport): void {
  const line = {
    level: "error",
    msg: `${failure.kind} job failed`,
    jobId: failure.jobId,
    organisationId: failure.organisationId,
    // Never the message: a database error quotes its query's parameters, which may be personal.
    error: loggedError(failure.error),
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
