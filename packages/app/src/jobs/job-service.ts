import type { Job, JobData, JobQueue } from "../ports";
import { type Actor, AppError, authorise, notFound } from "../shared";
import { InProcessJobQueue } from "./in-process-queue";
import { type JobKind, type JobsUnitOfWork, type RegisteredKind, registeredKind } from "./job-kind";
import { JobRunner, type JobRunnerOptions } from "./job-runner";

export interface JobServiceOptions extends JobRunnerOptions {
  /** Where jobs wait for a worker. */
  readonly queue: JobQueue;
}

const FINISHED = new Set<Job["status"]>(["succeeded", "failed", "cancelled"]);

/** True once the job has ended, whichever way. */
export function isFinished(job: Job): boolean {
  return FINISHED.has(job.status);
}

/**
 * Every kind of long work as one capability: start (stored, then queued), follow, cancel and
 * retry, whichever process runs the job. Kinds are registered once at start-up; a process that
 * works (`work`) runs the jobs its queue hands it.
 */
export class JobService {
  private readonly kinds = new Map<string, RegisteredKind>();
  readonly runner: JobRunner;

  constructor(
    private readonly unitOfWork: JobsUnitOfWork,
    private readonly options: JobServiceOptions,
  ) {
    this.runner = new JobRunner(unitOfWork, this.kinds, options);
  }

  register<Input>(kind: JobKind<Input>): void {
    this.kinds.set(kind.name, registeredKind(kind));
  }

  /** Stops taking jobs and waits for the ones running here to end. */
  async stop(): Promise<void> {
    await this.options.queue.stop();
  }

  /** This process runs jobs from the queue, at most `capacity` at once. */
  work(capacity: number): void {
    this.options.queue.work(this.runner.execute, capacity);
  }

  /**
   * Stores the job and queues it; returns at once with its id. The caller has authorised the
   * actor and checked the input; `stored` is what the run reads back with `parseInput`.
   */
  async start<Input>(
    actor: Actor,
    kind: JobKind<Input>,
    stored: JobData,
  ): Promise<{ jobId: string }> {
    authorise(actor, kind.resource, "write");
    if (!this.kinds.has(kind.name)) throw new Error(`job kind "${kind.name}" is not registered`);
    const requestedBy = { role: actor.role, ...(actor.purpose ? { purpose: actor.purpose } : {}) };
    const job = await this.unitOfWork.repositories.jobs.create(
      actor.organisationId,
      actor.userId,
      kind.name,
      { ...stored, requestedBy },
    );
    await this.options.queue.enqueue({
      id: job.id,
      organisationId: job.organisationId,
      kind: job.kind,
    });
    return { jobId: job.id };
  }

  /** A job of any kind the actor's role may read; other organisations' jobs are not found. */
  async getJob(actor: Actor, id: string): Promise<Job> {
    const job = await this.unitOfWork.repositories.jobs.find(actor.organisationId, id);
    const kind = job ? this.kinds.get(job.kind) : undefined;
    if (!job || !kind) throw notFound("job", id);
    authorise(actor, kind.resource, "read");
    return job;
  }

  /** A job of one kind; a job of another kind is not found. */
  async getJobOf(actor: Actor, kindName: string, id: string): Promise<Job> {
    const job = await this.getJob(actor, id);
    if (job.kind !== kindName) throw notFound("job", id);
    return job;
  }

  /** How long a run of the job may take, seconds (for event streams). */
  maxSeconds(job: Job): number {
    return this.kinds.get(job.kind)?.maxSeconds(job.input) ?? 0;
  }

  /**
   * Asks the job to stop: a queued job is cancelled at once; a running one stops within a second,
   * wherever it runs. A finished job is left as it is (`conflict`).
   */
  async cancel(actor: Actor, id: string): Promise<Job> {
    const job = await this.getJob(actor, id);
    authorise(actor, this.kinds.get(job.kind)?.resource ?? "plans", "write");
    if (isFinished(job))
      throw new AppError("conflict", `The job ${id} has already ended: it is ${job.status}.`);
    const asked = await this.unitOfWork.repositories.jobs.requestCancel(actor.organisationId, id);
    this.runner.abortHere(id);
    if (!asked) throw notFound("job", id);
    return asked;
  }

  /** Starts a failed or cancelled job again, as a new job with the same input. */
  async retry(actor: Actor, id: string): Promise<{ jobId: string }> {
    const job = await this.getJob(actor, id);
    const kind = this.kinds.get(job.kind);
    if (!kind) throw notFound("job", id);
    authorise(actor, kind.resource, "write");
    if (job.status !== "failed" && job.status !== "cancelled")
      throw new AppError(
        "conflict",
        `Only a failed or cancelled job can be retried; ${id} is ${job.status}.`,
      );
    const { requestedBy: _before, ...input } = job.input;
    const requestedBy = { role: actor.role, ...(actor.purpose ? { purpose: actor.purpose } : {}) };
    const again = await this.unitOfWork.repositories.jobs.create(
      actor.organisationId,
      actor.userId,
      job.kind,
      { ...input, requestedBy },
    );
    await this.options.queue.enqueue({
      id: again.id,
      organisationId: again.organisationId,
      kind: again.kind,
    });
    return { jobId: again.id };
  }

  /** Resolves when the job has ended, whichever process ran it. */
  async settled(id: string, pollMs = 20): Promise<Job | undefined> {
    for (;;) {
      const job = await this.unitOfWork.repositories.jobs.get(id);
      if (!job || isFinished(job)) return job;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

/**
 * A job system of its own that runs jobs in this process, `capacity` at once: for a service used
 * without the process's shared one (tests, a single command).
 */
export function inProcessJobService(
  unitOfWork: JobsUnitOfWork,
  options: Pick<JobRunnerOptions, "clock" | "progressEveryMs" | "log">,
  capacity: number,
): JobService {
  const jobs = new JobService(unitOfWork, {
    queue: new InProcessJobQueue(unitOfWork.repositories.jobs),
    clock: options.clock,
    ...(options.progressEveryMs === undefined ? {} : { progressEveryMs: options.progressEveryMs }),
    ...(options.log ? { log: options.log } : {}),
  });
  jobs.work(capacity);
  return jobs;
}
