export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  readonly id: string;
  readonly organisationId: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly progress: number;
  readonly result: Record<string, unknown> | null;
  readonly error: Record<string, unknown> | null;
  readonly createdAt: string;
}

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
}
