import type { ExecuteJob, JobQueue, JobStore, QueuedJob } from "../ports";

/** How long a refused claim waits before it is tried again, milliseconds. */
const RETRY_CLAIM_MS = 500;

/**
 * The embedded database's queue: jobs run in this process. Fair between organisations: one job
 * of an organisation runs at a time, organisations take turns (the one served longest ago goes
 * first), and at most `capacity` jobs run at once. A job cancelled while it waited is skipped.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly waiting = new Map<string, QueuedJob[]>();
  /** Organisations with jobs waiting, in the order their first job arrived. */
  private turns: string[] = [];
  /** When each organisation was last served (a counter): the one served longest ago goes next. */
  private readonly served = new Map<string, number>();
  private serving = 0;
  private readonly busy = new Set<string>();
  private readonly runs = new Set<Promise<void>>();
  private execute: ExecuteJob | undefined;
  private capacity = 0;
  private stopped = false;

  constructor(private readonly jobs: JobStore) {}

  async enqueue(job: QueuedJob): Promise<void> {
    const queue = this.waiting.get(job.organisationId) ?? [];
    queue.push(job);
    this.waiting.set(job.organisationId, queue);
    if (!this.turns.includes(job.organisationId)) this.turns.push(job.organisationId);
    this.pump();
  }

  work(execute: ExecuteJob, capacity: number): void {
    this.execute = execute;
    this.capacity = Math.max(1, capacity);
    this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.runs]);
  }

  /** How many jobs are running here now. */
  get running(): number {
    return this.busy.size;
  }

  private pump(): void {
    while (!this.stopped && this.execute && this.busy.size < this.capacity) {
      const organisationId = this.nextTurn();
      if (organisationId === undefined) return;
      const job = this.take(organisationId);
      if (!job) continue;
      this.busy.add(organisationId);
      const run = this.run(this.execute, job).finally(() => {
        this.busy.delete(organisationId);
        this.runs.delete(run);
        this.pump();
      });
      this.runs.add(run);
    }
  }

  /** The waiting organisation, not running a job now, that was served longest ago. */
  private nextTurn(): string | undefined {
    let best: string | undefined;
    for (const id of this.turns) {
      if (this.busy.has(id)) continue;
      if (best === undefined || (this.served.get(id) ?? -1) < (this.served.get(best) ?? -1))
        best = id;
    }
    return best;
  }

  /** The organisation's next job; the organisation leaves the turns when it has no more. */
  private take(organisationId: string): QueuedJob | undefined {
    const queue = this.waiting.get(organisationId) ?? [];
    const job = queue.shift();
    this.served.set(organisationId, this.serving++);
    if (queue.length === 0) {
      this.waiting.delete(organisationId);
      this.turns = this.turns.filter((id) => id !== organisationId);
    }
    return job;
  }

  /**
   * Claims and runs the job. A claim the database refuses (another process of the same database
   * runs this organisation's job) is tried again a little later; a job no longer queued (it was
   * cancelled while it waited) is skipped.
   */
  private async run(execute: ExecuteJob, job: QueuedJob): Promise<void> {
    const claim = await this.jobs.claim(job.id).then(
      (claimed) => ({ claimed }),
      () => undefined,
    );
    if (!claim) {
      setTimeout(() => void this.enqueue(job), RETRY_CLAIM_MS).unref();
      return;
    }
    if (claim.claimed) await execute(claim.claimed);
  }
}
