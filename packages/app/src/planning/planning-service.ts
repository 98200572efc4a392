import { type Evaluation, evaluate } from "@tt/solver";
import {
  inProcessJobService,
  type JobFailureReport,
  type JobKind,
  type JobOutputRepositories,
  type JobService,
} from "../jobs";
import type {
  Clock,
  Job,
  Page,
  PlanHeader,
  StoredPlan,
  TravelTimeProvider,
  UnitOfWorkOf,
} from "../ports";
import { type Actor, authorise, notFound } from "../shared";
import {
  checkDayPlanInput,
  DAY_PLAN_JOB,
  type DayPlanInput,
  type DayPlanJobInput,
  type DayPlanUnitOfWork,
  dayPlanJob,
} from "./day-plan-job";
import { RestoredProblems } from "./kept-problem";
import type { PlanningDayKind } from "./load-day-register";
import { enginePlan } from "./plan-from-solution";
import { runScopeOf, scopePlan } from "./run-scope";
import { createWorkerSolveRunner, type SolveRunner } from "./solve-runner";
import { defaultSolveCapacity } from "./solve-slots";

export {
  DAY_PLAN_JOB,
  type DayPlanInput,
  type DayPlanJobInput,
  GENERIC_PLAN_FAILURE,
} from "./day-plan-job";
export { DEFAULT_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS } from "./solve-runner";

/** A failed day-plan job, with the full error: for the server's log, never for plan readers. */
export type PlanningFailure = Pick<JobFailureReport, "jobId" | "organisationId" | "error">;

export interface PlanningServiceOptions {
  readonly travelTimes: TravelTimeProvider;
  readonly clock: Clock;
  readonly runner?: SolveRunner;
  /** How often progress is written to the job, milliseconds (default 1000). */
  readonly progressEveryMs?: number;
  /**
   * The job system the plans run on (one per process, shared by every kind of job). Without one
   * the service makes its own, running jobs in this process, `capacity` at once.
   */
  readonly jobs?: JobService;
  /** Jobs at once when the service makes its own job system (default: cores − 1). */
  readonly capacity?: number;
  /** Where failures are logged in full when the service makes its own job system. */
  readonly log?: (failure: PlanningFailure) => void;
  /**
   * Where a day plan reads the register and saves the plan: long work that should give way to
   * requests someone is waiting for (default: the service's own unit of work).
   */
  readonly bulk?: DayPlanUnitOfWork;
  /** Kept Problems made whole again, shared with the overrides (default: its own). */
  readonly problems?: RestoredProblems;
}

/** What planning uses: the day's registers and audit log, the plans, and the job rows. */
export type PlanningUnitOfWork = UnitOfWorkOf<
  PlanningDayKind | "jobs" | "crew" | "sharing" | "funders" | keyof JobOutputRepositories
>;

/**
 * Plans an organisation's day as a job (`dayPlanJob`) and reads the stored plans. Roles need the
 * `plans` grant: write to start, read to look. Jobs wait in the job system's fair queue.
 */
export class PlanningService {
  private readonly jobs: JobService;
  private readonly dayPlan: JobKind<DayPlanJobInput>;

  private readonly problems: RestoredProblems;

  constructor(
    private readonly unitOfWork: PlanningUnitOfWork,
    options: PlanningServiceOptions,
  ) {
    this.problems = options.problems ?? new RestoredProblems(options.travelTimes);
    this.jobs =
      options.jobs ??
      inProcessJobService(unitOfWork, options, options.capacity ?? defaultSolveCapacity());
    this.dayPlan = dayPlanJob(options.bulk ?? unitOfWork, {
      travelTimes: options.travelTimes,
      clock: options.clock,
      runner: options.runner ?? createWorkerSolveRunner(),
      ...(options.progressEveryMs === undefined
        ? {}
        : { progressEveryMs: options.progressEveryMs }),
    });
    this.jobs.register(this.dayPlan);
  }

  /** Stores the job and queues it; returns at once with its id. */
  async startDayPlan(actor: Actor, input: DayPlanInput): Promise<{ jobId: string }> {
    authorise(actor, "plans", "write");
    const checked = checkDayPlanInput(input);
    return this.jobs.start(actor, this.dayPlan, { ...checked });
  }

  /** Resolves when the job has ended. */
  async settled(jobId: string): Promise<void> {
    await this.jobs.settled(jobId);
  }

  async getJob(actor: Actor, id: string): Promise<Job> {
    authorise(actor, "plans", "read");
    return this.jobs.getJobOf(actor, DAY_PLAN_JOB, id);
  }

  async listPlans(
    actor: Actor,
    query: { offset: number; limit: number; serviceDate?: string },
  ): Promise<Page<PlanHeader>> {
    authorise(actor, "plans", "read");
    return this.unitOfWork.repositories.plans.list(actor.organisationId, query);
  }

  /** The plan with the runs the actor may see (`runScopeOf`): a driver's own run only. */
  async getPlan(actor: Actor, id: string): Promise<StoredPlan> {
    authorise(actor, "plans", "read");
    const repos = this.unitOfWork.repositories;
    const plan = await repos.plans.find(actor.organisationId, id);
    if (!plan) throw notFound("plan", id);
    return scopePlan(plan, await runScopeOf(repos, actor, plan.serviceDate));
  }

  /**
   * Checks a stored plan against its kept Problem again (made whole again when it was kept without
   * its matrices); undefined when none was kept (plans stored before every Problem was kept). The
   * whole plan is checked, so it is for roles that plan.
   */
  async evaluatePlan(actor: Actor, id: string): Promise<Evaluation | undefined> {
    authorise(actor, "plans", "write");
    const plan = await this.getPlan(actor, id);
    const org = actor.organisationId;
    const plans = this.unitOfWork.repositories.plans;
    const live = await this.problems.get(org, id, () => plans.findProblemChain(org, id));
    return live && evaluate(live.whole(), enginePlan(plan));
  }
}
