import { findMixingPolicy } from "@tt/domain";
import {
  inProcessJobService,
  type JobKind,
  type JobOutputRepositories,
  type JobService,
} from "../jobs";
import { createWorkerSolveRunner, defaultSolveCapacity, type SolveRunner } from "../planning";
import type { Clock, Job, TravelTimeProvider, UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise } from "../shared";
import { type AnalysableFunders, listAnalysableFunders } from "./analysis-funders";
import { checkAnalysisInput, type IntegrationAnalysisInput, maxPlans } from "./analysis-input";
import {
  type AnalysisJobInput,
  type AnalysisKind,
  type AnalysisUnitOfWork,
  analysisJob,
  INTEGRATION_ANALYSIS_JOB,
  type StoredAnalysis,
  storedAnalysisInput,
} from "./analysis-job";
import { type MemberShare, memberShareOf } from "./member-shares";
import { parseStoredAnalysis } from "./stored-analysis";

/** What the analysis service uses: what an analysis reads, and the job rows and outputs. */
export type AnalysisServiceUnitOfWork = UnitOfWorkOf<
  AnalysisKind | "jobs" | keyof JobOutputRepositories
>;

export { INTEGRATION_ANALYSIS_JOB, type StoredAnalysis } from "./analysis-job";

/** The newest analyses of each partnership a member's list shows. */
const MEMBER_SHARE_JOBS = 20;

/**
 * How long a plan may overrun its time limit before its worker is stopped: the engine builds its
 * first plan before it looks at the clock, and on a county's pooled fleet that can take minutes.
 */
export const ANALYSIS_GRACE_SECONDS = 300;

export interface IntegrationAnalysisServiceOptions {
  readonly travelTimes: TravelTimeProvider;
  readonly clock: Clock;
  readonly runner?: SolveRunner;
  /** Plans at once inside one analysis (default: cores − 1, at least 1). */
  readonly parallel?: number;
  /** How often progress is written to the job, at most, milliseconds (default 1000). */
  readonly progressEveryMs?: number;
  /** The process's job system; without one the service makes its own (one job at a time). */
  readonly jobs?: JobService;
  /** Where unexpected failures are logged when the service makes its own job system. */
  readonly log?: (failure: { jobId: string; organisationId: string; error: unknown }) => void;
  /**
   * Where the analysis reads the register and stores its result: long work that should give way
   * to requests someone is waiting for (default: the service's own unit of work).
   */
  readonly bulk?: AnalysisUnitOfWork;
}

/**
 * Silo versus pooled planning of an organisation's day (`analysisJob`), started and read here.
 * Roles need the `plans` grant: write to start, read to look.
 */
export class IntegrationAnalysisService {
  private readonly jobs: JobService;
  private readonly kind: JobKind<AnalysisJobInput>;

  constructor(
    private readonly unitOfWork: AnalysisServiceUnitOfWork,
    private readonly options: IntegrationAnalysisServiceOptions,
  ) {
    this.jobs = options.jobs ?? inProcessJobService(unitOfWork, options, 1);
    this.kind = analysisJob(options.bulk ?? unitOfWork, {
      travelTimes: options.travelTimes,
      clock: options.clock,
      runner: options.runner ?? createWorkerSolveRunner({ graceSeconds: ANALYSIS_GRACE_SECONDS }),
      ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
    });
    this.jobs.register(this.kind);
  }

  /** Stores the job and queues it; returns at once with its id. */
  async startAnalysis(actor: Actor, input: IntegrationAnalysisInput): Promise<{ jobId: string }> {
    authorise(actor, "plans", "write");
    const repos = this.unitOfWork.repositories;
    const partnership = await repos.sharing.findPartnership(actor.organisationId);
    // A partnership analyses its members' funders, under its own mixing policy unless told one.
    const holders = partnership ? partnership.members.map((m) => m.id) : [actor.organisationId];
    const funderIds = new Set<string>();
    for (const holder of holders) {
      const page = await repos.funders.list(holder, { offset: 0, limit: 500 });
      for (const f of page.items) funderIds.add(f.id);
    }
    const policy = partnership ? findMixingPolicy(partnership.mixingPolicy) : undefined;
    const given =
      input.mixingPolicy === undefined && policy ? { ...input, mixingPolicy: policy } : input;
    const analysable = input.funderIds ? await this.analysableIds(actor) : funderIds;
    const checked = checkAnalysisInput(given, funderIds, analysable);
    const parallel = checked.parallel ?? this.options.parallel ?? defaultSolveCapacity();
    const planned = checked.funderIds?.length ?? funderIds.size;
    const rounds = Math.ceil(maxPlans(planned) / parallel);
    const eventsSeconds = rounds * checked.timeLimitSeconds + 120;
    return this.jobs.start(actor, this.kind, storedAnalysisInput({ ...checked, eventsSeconds }));
  }

  /**
   * The funders an analysis may plan: the organisation's own; a partnership's members' under
   * their analysis agreements, with the members it cannot analyse and why.
   */
  async listFunders(actor: Actor): Promise<AnalysableFunders> {
    authorise(actor, "plans", "read");
    return listAnalysableFunders(this.unitOfWork.repositories, this.options.clock, actor);
  }

  private async analysableIds(actor: Actor): Promise<Set<string>> {
    const { funders } = await this.listFunders(actor);
    return new Set(funders.map((f) => f.id));
  }

  /** Resolves when the job has ended. */
  async settled(jobId: string): Promise<void> {
    await this.jobs.settled(jobId);
  }

  async getJob(actor: Actor, id: string): Promise<Job> {
    authorise(actor, "plans", "read");
    return this.jobs.getJobOf(actor, INTEGRATION_ANALYSIS_JOB, id);
  }

  /** The finished analysis; `conflict` while it runs or when it failed. */
  /**
   * A member's part of its partnerships' analyses, newest first: its own budgets' trips, costs
   * and Shapley shares, never another member's.
   */
  async memberShares(actor: Actor): Promise<MemberShare[]> {
    // Money: for those who may see the budgets (finance, commissioners, administrators).
    authorise(actor, "budgets", "read");
    const repos = this.unitOfWork.repositories;
    const shares: MemberShare[] = [];
    for (const partnership of await repos.sharing.listMemberships(actor.organisationId)) {
      const jobs = await repos.jobs.listSucceeded(
        partnership.organisationId,
        INTEGRATION_ANALYSIS_JOB,
        MEMBER_SHARE_JOBS,
      );
      for (const job of jobs) {
        const share = memberShareOf(job, partnership.name, actor.organisationId);
        if (share) shares.push(share);
      }
    }
    return shares.sort((a, b) => (b.finishedAt ?? "").localeCompare(a.finishedAt ?? ""));
  }

  async getResult(actor: Actor, jobId: string): Promise<StoredAnalysis> {
    const job = await this.getJob(actor, jobId);
    if (job.status !== "succeeded" || !job.result)
      throw new AppError("conflict", `The analysis ${jobId} has no report: it is ${job.status}.`);
    return parseStoredAnalysis(job.result);
  }
}
