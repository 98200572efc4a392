import type { Resource } from "@tt/domain";
import type { Job, JobData, Repositories, UnitOfWorkOf } from "../ports";
import type { Actor } from "../shared";

/** What a run of a job may use. */
export interface JobContext<Input> {
  readonly job: Job;
  readonly input: Input;
  /** Who asked for the job, as they were when they asked (for audit rows). */
  readonly actor: Actor;
  /** Aborted when the job is cancelled or its worker loses its claim: stop, and throw. */
  readonly signal: AbortSignal;
  /** The share of the work done, 0..1; written to the job at most once a second. */
  progress(fraction: number): void;
}

/**
 * What a run produced. `store` runs in the transaction that marks the job succeeded, so what it
 * writes (a plan, say) is stored exactly when the job succeeds, and never by a run that lost
 * its claim. It returns the job's result.
 */
export interface JobOutput<Result extends JobData = JobData> {
  store(repositories: JobOutputRepositories): Promise<Result>;
}

/**
 * What a job's output may write when its job succeeds: a day plan's plan and runs; a retention
 * run's erasures (with their audit rows) and deleted jobs. A kind that stores something else (a
 * tender evaluation's scores, say) adds its repository here.
 */
export type JobOutputRepositories = Pick<
  Repositories,
  "plans" | "subjects" | "passengers" | "audit"
>;

/** The job rows and what job outputs write: what the job runner and service use. */
export type JobsUnitOfWork = UnitOfWorkOf<"jobs" | keyof JobOutputRepositories>;

/**
 * One kind of job (a day plan, an integration analysis): how its stored input is read back, how
 * long a run may take, and the run itself. Kinds are registered with the `JobService`; the
 * worker that claims a job finds its kind by name.
 */
export interface JobKind<Input> {
  readonly name: string;
  /** The grant that starts (write), follows (read) and cancels (write) jobs of this kind. */
  readonly resource: Resource;
  /** The stored input as the run needs it; throws when it is not valid. */
  parseInput(stored: JobData): Input;
  /** The most a run may take, seconds: event streams follow the job this long. */
  maxSeconds(input: Input): number;
  /** What a failure the kind did not foresee says to the job's readers. */
  readonly genericFailure: string;
  run(context: JobContext<Input>): Promise<JobOutput>;
}

/** A kind as the registry holds it: its input read from the stored job by the kind itself. */
export interface RegisteredKind {
  readonly name: string;
  readonly resource: Resource;
  readonly genericFailure: string;
  maxSeconds(stored: JobData): number;
  run(context: Omit<JobContext<unknown>, "input">): Promise<JobOutput>;
}

/** The kind with its input type hidden inside, for the registry. */
export function registeredKind<Input>(kind: JobKind<Input>): RegisteredKind {
  return {
    name: kind.name,
    resource: kind.resource,
    genericFailure: kind.genericFailure,
    maxSeconds: (stored) => kind.maxSeconds(kind.parseInput(stored)),
    run: (context) => kind.run({ ...context, input: kind.parseInput(context.job.input) }),
  };
}

/** Who asked for a job, kept with its input so the run can write audit rows in their name. */
export interface RequestedBy {
  readonly role: Actor["role"];
  readonly purpose?: string;
}
