export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: string;
  /** What the job was asked to do (never shown by the API). */
  readonly input: Record<string, unknown>;
  readonly status: JobStatus;
  readonly progress: number;
  readonly result: Record<string, unknown> | null;
  readonly error: Record<string, unknown> | null;
  readonly createdAt: string;
}

/** The error of a job a server restart interrupted. */
export const INTERRUPTED_JOB_ERROR = {
  message: "interrupted: the server restarted while this job was running",
} as const;

/** Long work with progress a person can watch. */
export interface JobStore {
  create(
    organisationId: string,
    createdBy: string | null,
    kind: string,
    input: Record<string, unknown>,
  ): Promise<Job>;
  find(organisationId: string, id: string): Promise<Job | undefined>;
  update(
    id: string,
    patch: {
      status?: JobStatus;
      progress?: number;
      result?: Record<string, unknown>;
      error?: Record<string, unknown>;
    },
  ): Promise<void>;
  /**
   * Marks every job still `queued` or `running` as `failed` with `INTERRUPTED_JOB_ERROR`: called
   * when a server starts, as jobs run in the process that started them. Returns how many.
   */
  failInterrupted(): Promise<number>;
}
