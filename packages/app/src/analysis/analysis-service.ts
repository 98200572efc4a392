import {
  auditPlanningReads,
  buildProblem,
  createWorkerSolveRunner,
  defaultSolveCapacity,
  loadDayRegister,
  type SolveRunner,
  SolveSlots,
} from "../planning";
import type { Clock, Job, TravelTimeProvider, UnitOfWork } from "../ports";
import { type Actor, AppError, authorise, isAppError, notFound } from "../shared";
import {
  type CheckedAnalysisInput,
  checkAnalysisInput,
  type IntegrationAnalysisInput,
  maxPlans,
} from "./analysis-input";
import { analyseIntegration } from "./model/analyse";
import type { IntegrationReport, IntegrationScenario } from "./model/types";
import { scenarioFromRegister } from "./register-scenario";
import { type MapRun, mapRuns } from "./report/report-map";

/** The job kind of an integration analysis. */
export const INTEGRATION_ANALYSIS_JOB = "integration-analysis";

/**
 * How long a plan may overrun its time limit before its worker is stopped: the engine builds its
 * first plan before it looks at the clock, and on a county's pooled fleet that can take minutes.
 */
export const ANALYSIS_GRACE_SECONDS = 300;

/** What a finished analysis job holds as its result. */
export interface StoredAnalysis {
  readonly report: IntegrationReport;
  /** The pooled plan's runs for the report's map (homes rounded to about 1 km). */
  readonly runs: readonly MapRun[];
}

export interface IntegrationAnalysisServiceOptions {
  readonly travelTimes: TravelTimeProvider;
  readonly clock: Clock;
  readonly runner?: SolveRunner;
  /** Plans at once inside one analysis (default: cores − 1, at least 1). */
  readonly parallel?: number;
  /** Analyses at once in the process (default 1); one per organisation always. */
  readonly slots?: SolveSlots;
  /** How often progress is written to the job, at most, milliseconds (default 1000). */
  readonly progressEveryMs?: number;
  /** Where unexpected failures are logged in full (default: standard error). */
  readonly log?: (failure: { jobId: string; organisationId: string; error: unknown }) => void;
}

const FAILED =
  "The analysis could not be made because of an internal error. The server's log has the details.";

/**
 * Silo versus pooled planning of an organisation's day, as a job: reads the register, makes the
 * scenario (its funders with demand that day), runs `analyseIntegration` on worker threads, and
 * stores the report as the job's result. Roles need the `plans` grant: write to start, read to look.
 */
export class IntegrationAnalysisService {
  private readonly running = new Map<string, Promise<void>>();
  private readonly runner: SolveRunner;
  private readonly slots: SolveSlots;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly options: IntegrationAnalysisServiceOptions,
  ) {
    this.runner =
      options.runner ?? createWorkerSolveRunner({ graceSeconds: ANALYSIS_GRACE_SECONDS });
    this.slots = options.slots ?? new SolveSlots(1);
  }

  /** Creates the job and starts it in the background; `conflict` when one is already running. */
  async startAnalysis(actor: Actor, input: IntegrationAnalysisInput): Promise<{ jobId: string }> {
    authorise(actor, "plans", "write");
    const repos = this.unitOfWork.repositories;
    const funders = await repos.funders.list(actor.organisationId, { offset: 0, limit: 500 });
    const checked = checkAnalysisInput(input, new Set(funders.items.map((f) => f.id)));
    const release = this.take(actor.organisationId);
    const parallel = this.options.parallel ?? defaultSolveCapacity();
    const rounds = Math.ceil(maxPlans(funders.total) / parallel);
    const eventsSeconds = rounds * checked.timeLimitSeconds + 120;
    const { mixing: _policy, ...recorded } = checked;
    let jobId: string;
    try {
      const job = await repos.jobs.create(
        actor.organisationId,
        actor.userId,
        INTEGRATION_ANALYSIS_JOB,
        {
          ...recorded,
          mixingPolicy: checked.mixing.version,
          eventsSeconds,
        },
      );
      jobId = job.id;
    } catch (error) {
      release();
      throw error;
    }
    const work = this.runJob(actor, jobId, checked).finally(() => {
      release();
      this.running.delete(jobId);
    });
    this.running.set(jobId, work);
    return { jobId };
  }

  private take(organisationId: string): () => void {
    try {
      return this.slots.take(organisationId);
    } catch (error) {
      if (!isAppError(error) || error.code !== "conflict") throw error;
      throw new AppError(
        "conflict",
        "An integration analysis is already running on this server; wait for it to finish, then try again.",
      );
    }
  }

  /** Resolves when the job started here has finished (at once for other jobs). */
  async settled(jobId: string): Promise<void> {
    await this.running.get(jobId);
  }

  async getJob(actor: Actor, id: string): Promise<Job> {
    authorise(actor, "plans", "read");
    const job = await this.unitOfWork.repositories.jobs.find(actor.organisationId, id);
    if (!job || job.kind !== INTEGRATION_ANALYSIS_JOB) throw notFound("job", id);
    return job;
  }

  /** The finished analysis; `conflict` while it runs or when it failed. */
  async getResult(actor: Actor, jobId: string): Promise<StoredAnalysis> {
    const job = await this.getJob(actor, jobId);
    if (job.status !== "succeeded" || !job.result)
      throw new AppError("conflict", `The analysis ${jobId} has no report: it is ${job.status}.`);
    return job.result as unknown as StoredAnalysis;
  }

  private async runJob(actor: Actor, jobId: string, input: CheckedAnalysisInput): Promise<void> {
    const jobs = this.unitOfWork.repositories.jobs;
    try {
      await jobs.update(jobId, { status: "running", progress: 0 });
      const scenario = await this.scenario(actor, jobId, input);
      const progress = this.progressWriter(jobId);
      const { report, pooled } = await analyseIntegration(scenario, {
        seed: input.seed,
        timeLimitSeconds: input.timeLimitSeconds,
        ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
        ...(this.options.parallel === undefined ? {} : { parallel: this.options.parallel }),
        runner: this.runner,
        onProgress: progress.write,
      });
      await progress.flush();
      const result: StoredAnalysis = { report, runs: mapRuns(scenario, pooled) };
      await jobs.update(jobId, { status: "succeeded", progress: 100, result: { ...result } });
    } catch (error) {
      if (!isAppError(error) || error.cause !== undefined) this.logFailure(actor, jobId, error);
      const described = isAppError(error)
        ? { code: error.code, message: error.message, details: error.details }
        : { code: "internal", message: FAILED };
      await jobs.update(jobId, { status: "failed", error: described }).catch(() => {});
    }
  }

  /** The organisation's day as a scenario; the personal data read is audited. */
  private async scenario(
    actor: Actor,
    jobId: string,
    input: CheckedAnalysisInput,
  ): Promise<IntegrationScenario> {
    const register = await loadDayRegister(this.unitOfWork, actor.organisationId, input.date);
    const built = await buildProblem(register, this.options.travelTimes);
    const repos = this.unitOfWork.repositories;
    const planned = new Set(built.problem.requests.map((r) => r.id));
    const passengerIds = register.tripRequests
      .filter((r) => planned.has(r.id))
      .map((r) => r.passengerId);
    const staffIds = register.staff
      .filter((s) => s.role === "passenger-assistant")
      .map((s) => s.id);
    const purpose = actor.purpose ?? `planning: integration analysis for ${input.date}`;
    await auditPlanningReads(
      repos,
      { ...actor, purpose },
      {
        jobId,
        date: input.date,
        passengerIds: [...new Set(passengerIds)],
        staffIds,
      },
    );
    const funders = await repos.funders.list(actor.organisationId, { offset: 0, limit: 500 });
    const organisation = await this.organisationName(actor);
    const scenario = scenarioFromRegister({
      name: organisation,
      register,
      built,
      funders: funders.items,
      mixing: input.mixing,
      ...(input.fleet ? { fleet: input.fleet } : {}),
    });
    if (scenario.funders.length === 0)
      throw new AppError("validation-failed", `No trip requests travel on ${input.date}.`, [
        { path: "date", message: "no demand that day" },
      ]);
    return scenario;
  }

  private async organisationName(actor: Actor): Promise<string> {
    const org = await this.unitOfWork.repositories.identity.findOrganisation(actor.organisationId);
    return org?.name ?? "Organisation";
  }

  /** Writes progress (1–99) to the job at most every `progressEveryMs`. */
  private progressWriter(jobId: string) {
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
      pending = this.unitOfWork.repositories.jobs.update(jobId, { progress }).catch(() => {});
    };
    return { write, flush: () => pending };
  }

  private logFailure(actor: Actor, jobId: string, error: unknown): void {
    const failure = { jobId, organisationId: actor.organisationId, error };
    if (this.options.log) {
      this.options.log(failure);
      return;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const line = { level: "error", msg: "integration analysis failed", jobId, error: message };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  }
}
