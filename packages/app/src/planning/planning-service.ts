import { isIsoDate } from "@tt/domain";
import { type Evaluation, evaluate, type Problem } from "@tt/solver";
import type {
  Clock,
  Job,
  NewPlan,
  Page,
  PlanHeader,
  StoredPlan,
  TravelTimeProvider,
  UnitOfWork,
} from "../ports";
import { type Actor, AppError, authorise, isAppError, notFound } from "../shared";
import { type BuiltProblem, buildProblem } from "./build-problem";
import { auditPlanningReads, loadDayRegister } from "./load-day-register";
import { enginePlan, planFromSolution, summarise } from "./plan-from-solution";
import {
  boundedTimeLimit,
  createWorkerSolveRunner,
  MAX_TIME_LIMIT_SECONDS,
  type SolveRunner,
} from "./solve-runner";
import { processSolveSlots, type SolveSlots } from "./solve-slots";

export { DEFAULT_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS } from "./solve-runner";

/** The job kind of a day plan. */
export const DAY_PLAN_JOB = "day-plan";

/** What a failed job says to every reader when the cause was not an expected one. */
export const GENERIC_PLAN_FAILURE =
  "The plan could not be made because of an internal error. The server's log has the details.";

/** A failed day-plan job, with the full error: for the server's log, never for plan readers. */
export interface PlanningFailure {
  readonly jobId: string;
  readonly organisationId: string;
  readonly error: unknown;
}

export interface DayPlanInput {
  /** The service date, "YYYY-MM-DD". */
  readonly date: string;
  readonly timeLimitSeconds?: number;
  readonly seed?: number;
  /** An iteration budget instead of (or as well as) time: same seed, same plan. */
  readonly iterations?: number;
}

export interface PlanningServiceOptions {
  readonly travelTimes: TravelTimeProvider;
  readonly clock: Clock;
  readonly runner?: SolveRunner;
  /** How often progress is written to the job, milliseconds (default 1000). */
  readonly progressEveryMs?: number;
  /** Admission of running jobs (default: shared by the whole process). */
  readonly slots?: SolveSlots;
  /** Where failures are logged in full (default: one JSON line on standard error). */
  readonly log?: (failure: PlanningFailure) => void;
}

function checkInput(
  input: DayPlanInput,
): Required<Pick<DayPlanInput, "date" | "seed" | "timeLimitSeconds">> & DayPlanInput {
  const issues = [];
  if (!isIsoDate(input.date)) issues.push({ path: "date", message: 'expected "YYYY-MM-DD"' });
  const limit = input.timeLimitSeconds;
  if (limit !== undefined && !(limit > 0 && limit <= MAX_TIME_LIMIT_SECONDS)) {
    issues.push({ path: "timeLimitSeconds", message: `expected 1 to ${MAX_TIME_LIMIT_SECONDS}` });
  }
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0)
    issues.push({ path: "seed", message: "expected a whole number" });
  if (issues.length > 0)
    throw new AppError("validation-failed", "The plan request is not valid.", issues);
  // Always a time limit, iterations or not: the iterations then bound the search further.
  return { ...input, seed, timeLimitSeconds: boundedTimeLimit(limit) };
}

/**
 * Plans an organisation's day as a job: reads the register, maps it to a solver Problem, solves it
 * off the calling thread, and stores the plan with its runs. Plans hold trip request ids, never
 * passengers' names. Roles need the `plans` grant: write to start, read to look.
 */
export class PlanningService {
  private readonly running = new Map<string, Promise<void>>();
  private readonly runner: SolveRunner;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly options: PlanningServiceOptions,
  ) {
    this.runner = options.runner ?? createWorkerSolveRunner();
  }

  /**
   * Creates the job and starts it in the background; returns at once with its id. Throws
   * `conflict` when the organisation already has a plan running or the process is at its limit.
   */
  async startDayPlan(actor: Actor, input: DayPlanInput): Promise<{ jobId: string }> {
    authorise(actor, "plans", "write");
    const checked = checkInput(input);
    const release = (this.options.slots ?? processSolveSlots).take(actor.organisationId);
    let jobId: string;
    try {
      const job = await this.unitOfWork.repositories.jobs.create(
        actor.organisationId,
        actor.userId,
        DAY_PLAN_JOB,
        { ...checked },
      );
      jobId = job.id;
    } catch (error) {
      release();
      throw error;
    }
    const work = this.runJob(actor, jobId, checked, release).finally(() => {
      release();
      this.running.delete(jobId);
    });
    this.running.set(jobId, work);
    return { jobId };
  }

  /** Resolves when the job started here has finished (at once for other jobs). */
  async settled(jobId: string): Promise<void> {
    await this.running.get(jobId);
  }

  async getJob(actor: Actor, id: string): Promise<Job> {
    authorise(actor, "plans", "read");
    const job = await this.unitOfWork.repositories.jobs.find(actor.organisationId, id);
    if (!job || job.kind !== DAY_PLAN_JOB) throw notFound("job", id);
    return job;
  }

  async listPlans(
    actor: Actor,
    query: { offset: number; limit: number; serviceDate?: string },
  ): Promise<Page<PlanHeader>> {
    authorise(actor, "plans", "read");
    return this.unitOfWork.repositories.plans.list(actor.organisationId, query);
  }

  async getPlan(actor: Actor, id: string): Promise<StoredPlan> {
    authorise(actor, "plans", "read");
    const plan = await this.unitOfWork.repositories.plans.find(actor.organisationId, id);
    if (!plan) throw notFound("plan", id);
    return plan;
  }

  /** Checks a stored plan against its kept Problem again; undefined when none was kept. */
  async evaluatePlan(actor: Actor, id: string): Promise<Evaluation | undefined> {
    const plan = await this.getPlan(actor, id);
    const problem = await this.unitOfWork.repositories.plans.findProblem(actor.organisationId, id);
    if (!problem) return undefined;
    return evaluate(problem as unknown as Problem, enginePlan(plan));
  }

  private async runJob(
    actor: Actor,
    jobId: string,
    input: DayPlanInput & { seed: number; timeLimitSeconds: number },
    release: () => void,
  ): Promise<void> {
    const jobs = this.unitOfWork.repositories.jobs;
    try {
      await jobs.update(jobId, { status: "running", progress: 0 });
      const built = await this.buildDay(actor, jobId, input.date);
      const started = this.options.clock.now().getTime();
      const budget = budgetOf(input);
      const outcome = await this.withProgress(jobId, input.timeLimitSeconds, () =>
        this.runner.run({ problem: built.problem, seed: input.seed, ...budget }),
      ).finally(release);
      const summary = summarise(built, outcome.solution, {
        date: input.date,
        seed: input.seed,
        ...budget,
        seconds: Math.round((this.options.clock.now().getTime() - started) / 100) / 10,
        travelTimes: this.options.travelTimes.name,
        thread: outcome.thread,
        ...(outcome.fallback ? { fallback: outcome.fallback } : {}),
      });
      await this.store(actor, jobId, planFromSolution(built, outcome.solution, summary));
    } catch (error) {
      release();
      if (!isAppError(error) || error.cause !== undefined) this.logFailure(actor, jobId, error);
      // If even this write fails (the database has closed) there is nobody left to tell.
      await jobs.update(jobId, { status: "failed", error: describeError(error) }).catch(() => {});
    }
  }

  private logFailure(actor: Actor, jobId: string, error: unknown): void {
    const failure = { jobId, organisationId: actor.organisationId, error };
    (this.options.log ?? logToStandardError)(failure);
  }

  /** The plan and the job's success, in one transaction. */
  private async store(actor: Actor, jobId: string, plan: NewPlan): Promise<void> {
    await this.unitOfWork.transaction(async (repos) => {
      const saved = await repos.plans.save(actor.organisationId, plan);
      const summary = { ...plan.summary, issues: undefined };
      await repos.jobs.update(jobId, {
        status: "succeeded",
        progress: 100,
        result: { planId: saved.id, summary },
      });
    });
  }

  private async buildDay(actor: Actor, jobId: string, date: string): Promise<BuiltProblem> {
    const repos = this.unitOfWork.repositories;
    const register = await loadDayRegister(this.unitOfWork, actor.organisationId, date);
    const built = await buildProblem(register, this.options.travelTimes);
    const planned = new Set(built.problem.requests.map((r) => r.id));
    const passengerIds = new Set(
      register.tripRequests.filter((r) => planned.has(r.id)).map((r) => r.passengerId),
    );
    const staffIds = register.staff
      .filter((s) => s.role === "passenger-assistant")
      .map((s) => s.id);
    await auditPlanningReads(repos, actor, {
      jobId,
      date,
      passengerIds: [...passengerIds],
      staffIds,
    });
    return built;
  }

  /** Writes the share of the time budget used to the job every second while `work` runs. */
  private async withProgress<T>(
    jobId: string,
    timeLimitSeconds: number | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    const started = this.options.clock.now().getTime();
    const every = this.options.progressEveryMs ?? 1000;
    let pending: Promise<void> = Promise.resolve();
    const tick = () => {
      if (timeLimitSeconds === undefined) return;
      const used = (this.options.clock.now().getTime() - started) / (timeLimitSeconds * 1000);
      const progress = Math.min(99, Math.max(1, Math.floor(used * 100)));
      pending = this.unitOfWork.repositories.jobs.update(jobId, { progress }).catch(() => {});
    };
    const timer = setInterval(tick, every);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      // A progress write still in flight must not land after the final 100.
      await pending;
    }
  }
}

function budgetOf(input: DayPlanInput): { timeLimitSeconds?: number; iterations?: number } {
  return {
    ...(input.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: input.timeLimitSeconds }),
    ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
  };
}

/** What every reader of the job sees: an expected error's own message, otherwise a generic one. */
function describeError(error: unknown): Record<string, unknown> {
  if (isAppError(error))
    return { code: error.code, message: error.message, details: error.details };
  return { code: "internal", message: GENERIC_PLAN_FAILURE };
}

function logToStandardError(failure: PlanningFailure): void {
  const { error } = failure;
  const detail = (e: unknown) =>
    e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
  const cause = error instanceof Error && error.cause !== undefined ? detail(error.cause) : {};
  const line = {
    level: "error",
    msg: "day plan failed",
    jobId: failure.jobId,
    organisationId: failure.organisationId,
    error: { ...detail(error), ...(Object.keys(cause).length > 0 ? { cause } : {}) },
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
