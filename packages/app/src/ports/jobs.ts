/**
 * Jobs: long work (a day plan, an integration analysis; later tender evaluations, business cases,
 * imports) with progress a person can watch. A job is a row: queued, then running on one worker
 * at a time (each claim is an attempt, and every write of a run names its attempt, so a run that
 * lost its claim can no longer write), then succeeded, failed or cancelled.
 */
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** JSON the job stores: what it was asked and what it found. */
export type JobData = Readonly<Record<string, unknown>>;

/** Why a job failed, as every reader of the job may see it. */
export interface JobFailure {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export interface Job {
  readonly id: string;
  readonly organisationId: string;
  readonly createdBy: string | null;
  readonly kind: string;
  /** What the job was asked to do (never shown by the API). */
  readonly input: JobData;
  readonly status: JobStatus;
  readonly progress: number;
  readonly result: JobData | null;
  readonly error: JobFailure | null;
  /** How many times a worker has claimed the job. */
  readonly attempts: number;
  /** Someone asked for the job to stop; the worker running it stops within a second. */
  readonly cancelRequested: boolean;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** The error of a job a server restart interrupted. */
export const INTERRUPTED_JOB_ERROR = {
  code: "interrupted",
  message: "interrupted: the server restarted while this job was running",
} as const;

/** How a run ends. */
export type JobEnd =
  | { readonly status: "succeeded"; readonly result: JobData }
  | { readonly status: "failed"; readonly error: JobFailure }
  | { readonly status: "cancelled" };

/** A run's hold on its job: the job and the attempt number every write of the run names. */
export interface JobClaim {
  readonly jobId: string;
  readonly attempt: number;
}

/** Job rows. Reads for people are scoped to an organisation; workers read by id. */
export interface JobStore {
  create(
    organisationId: string,
    createdBy: string | null,
    kind: string,
    input: JobData,
  ): Promise<Job>;
  find(organisationId: string, id: string): Promise<Job | undefined>;
  /** The organisation's succeeded jobs of a kind, newest first. */
  listSucceeded(organisationId: string, kind: string, limit: number): Promise<Job[]>;
  /** A job by id alone, for the worker that runs it. */
  get(id: string): Promise<Job | undefined>;
  /** Queued → running, one more attempt; undefined when the job is no longer queued. */
  claim(id: string): Promise<JobClaim | undefined>;
  /** Progress 0–100 of the claimed run; ignored once the claim is lost. */
  progress(claim: JobClaim, progress: number): Promise<void>;
  /** Ends the claimed run; false (and nothing written) when the claim was lost. */
  finish(claim: JobClaim, end: JobEnd): Promise<boolean>;
  /**
   * Asks the job to stop: a queued job is cancelled at once, a running one is flagged for its
   * worker. Returns the job as it now stands, or undefined when not found.
   */
  requestCancel(organisationId: string, id: string): Promise<Job | undefined>;
  /**
   * Embedded database only (one process runs every job): marks every job still queued or running
   * as failed with `INTERRUPTED_JOB_ERROR`, when the process starts. Returns how many.
   */
  failInterrupted(): Promise<number>;
}

/** What a queue knows of a job it carries. */
export interface QueuedJob {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: string;
}

/** Runs one claimed job to its end; never throws. `lost` aborts when the claim is lost. */
export type ExecuteJob = (claim: JobClaim, lost?: AbortSignal) => Promise<void>;

/**
 * Where jobs wait for a worker: in this process (embedded database), or in PostgreSQL, where
 * any number of worker processes take them. Either way the queue is fair between organisations:
 * at most one job of an organisation runs at a time, and organisations take turns.
 */
export interface JobQueue {
  /** Makes a stored, queued job available to the workers. */
  enqueue(job: QueuedJob): Promise<void>;
  /** This process becomes a worker: claimed jobs run through `execute`, at most `capacity` at once. */
  work(execute: ExecuteJob, capacity: number): void;
  /** Stops taking jobs and waits for the running ones to end. */
  stop(): Promise<void>;
}
