import type { JobContext, JobKind, JobOutput } from "../jobs";
import {
  buildProblem,
  type DayRegister,
  loadPlanningDay,
  mergeDays,
  type PlanningDayKind,
  type SolveRunner,
} from "../planning";
import type { Clock, JobData, StoredPartnership, TravelTimeProvider, UnitOfWorkOf } from "../ports";
import { type Actor, AppError } from "../shared";
import type { CheckedAnalysisInput } from "./analysis-input";
import { analyseIntegration } from "./model/analyse";
import { parseMixingPolicy } from "./model/mixing-policy";
import type { IntegrationReport, IntegrationScenario } from "./model/types";
import { narrowToFunders } from "./narrow-day";
import { checkStillShared, loadPartnershipDays } from "./partnership-day";
import { REGISTER_SERVICES, scenarioFromRegister } from "./register-scenario";
import { type MapRun, mapRuns } from "./report/report-map";

/** The job kind of an integration analysis. */
/** What an analysis reads: the day as planning reads it, the funders and the organisation. */
export type AnalysisKind = PlanningDayKind | "funders" | "identity" | "sharing";
export type AnalysisUnitOfWork = UnitOfWorkOf<AnalysisKind>;

export const INTEGRATION_ANALYSIS_JOB = "integration-analysis";

export const GENERIC_ANALYSIS_FAILURE =
  "The analysis could not be made because of an internal error. The server's log has the details.";

/** What a finished analysis job holds as its result. */
export interface StoredAnalysis {
  readonly report: IntegrationReport;
  /** The pooled plan's runs for the report's map (homes rounded to about 1 km). */
  readonly runs: readonly MapRun[];
}

/** The checked input as the job stores it, with how long its event stream may follow it. */
export interface AnalysisJobInput extends CheckedAnalysisInput {
  readonly eventsSeconds: number;
}

/** What is stored: the policy in full (the run reads it back) and its version by name. */
export function storedAnalysisInput(input: AnalysisJobInput): JobData {
  return { ...input, mixingPolicy: input.mixing.version };
}

function parseStored(stored: JobData): AnalysisJobInput {
  const number = (value: unknown, fallback: number) =>
    typeof value === "number" && Number.isFinite(value) ? value : fallback;
  const fleet = fleetOf(stored.fleet);
  return {
    date: typeof stored.date === "string" ? stored.date : "",
    timeLimitSeconds: number(stored.timeLimitSeconds, 10),
    ...(typeof stored.iterations === "number" ? { iterations: stored.iterations } : {}),
    ...(typeof stored.parallel === "number" ? { parallel: stored.parallel } : {}),
    seed: number(stored.seed, 1),
    mixing: parseMixingPolicy(stored.mixing, REGISTER_SERVICES),
    ...(fleet ? { fleet } : {}),
    ...(Array.isArray(stored.funderIds) ? { funderIds: strings(stored.funderIds) } : {}),
    eventsSeconds: number(stored.eventsSeconds, 0),
  };
}

const strings = (values: readonly unknown[]) =>
  values.filter((v): v is string => typeof v === "string");

function fleetOf(value: unknown): Record<string, string[]> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const entries = Object.entries(value).map(([prefix, ids]): [string, string[]] => [
    prefix,
    Array.isArray(ids) ? strings(ids) : [],
  ]);
  return Object.fromEntries(entries);
}

export interface AnalysisJobOptions {
  readonly travelTimes: TravelTimeProvider;
  readonly clock: Clock;
  readonly runner: SolveRunner;
  /** Plans at once inside one analysis. */
  readonly parallel?: number;
}

/**
 * Silo versus pooled planning of an organisation's day, as a job: reads the register, makes the
 * scenario (its funders with demand that day), runs `analyseIntegration` on worker threads, and
 * stores the report as the job's result.
 */
export function analysisJob(
  unitOfWork: AnalysisUnitOfWork,
  options: AnalysisJobOptions,
): JobKind<AnalysisJobInput> {
  return {
    name: INTEGRATION_ANALYSIS_JOB,
    resource: "plans",
    genericFailure: GENERIC_ANALYSIS_FAILURE,
    parseInput: parseStored,
    maxSeconds: (input) => input.eventsSeconds,
    run: (context) => runAnalysis(unitOfWork, options, context),
  };
}

async function runAnalysis(
  unitOfWork: AnalysisUnitOfWork,
  options: AnalysisJobOptions,
  { job, input, actor, signal, progress }: JobContext<AnalysisJobInput>,
): Promise<JobOutput> {
  const partnership = await unitOfWork.repositories.sharing.findPartnership(actor.organisationId);
  const { scenario, stillShared } = partnership
    ? await partnershipScenario(unitOfWork, options, actor, partnership, input)
    : {
        scenario: await scenarioOf(unitOfWork, options.travelTimes, actor, job.id, input),
        stillShared: async () => {},
      };
  const runner: SolveRunner = {
    run: async (request, watch) => {
      await stillShared();
      return options.runner.run(request, { ...watch, signal });
    },
  };
  const { report, pooled } = await analyseIntegration(scenario, {
    seed: input.seed,
    timeLimitSeconds: input.timeLimitSeconds,
    ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
    ...(parallelOf(input, options) === undefined ? {} : { parallel: parallelOf(input, options) }),
    runner,
    onProgress: progress,
  });
  const result: StoredAnalysis = { report, runs: mapRuns(scenario, pooled) };
  await stillShared();
  return { store: async () => ({ ...result }) };
}

/** Plans at once: the job's own setting, else the service's. */
function parallelOf(input: AnalysisJobInput, options: AnalysisJobOptions): number | undefined {
  return input.parallel ?? options.parallel;
}

/**
 * A partnership's day: its members' days as their analysis agreements let it see them
 * (`loadPartnershipDays`), planned together; each funder's silo uses the vehicles its member holds
 * or is granted for it. `stillShared` stops the job, naming the agreement, once one no longer
 * allows it.
 */
async function partnershipScenario(
  unitOfWork: AnalysisUnitOfWork,
  options: AnalysisJobOptions,
  actor: Actor,
  partnership: StoredPartnership,
  input: AnalysisJobInput,
): Promise<{ scenario: IntegrationScenario; stillShared: () => Promise<void> }> {
  const { clock } = options;
  const chosen = input.funderIds ? new Set(input.funderIds) : undefined;
  const day = { date: input.date, ...(chosen ? { chosen } : {}) };
  const { members } = await loadPartnershipDays(unitOfWork, clock, actor, partnership, day);
  const register = mergeDays(
    input.date,
    members.map((m) => m.register),
  );
  const built = await buildProblem(register, options.travelTimes);
  const scenario = scenarioFromRegister({
    name: partnership.name,
    register,
    built,
    funders: members.flatMap((m) => m.funders),
    mixing: input.mixing,
    ...(input.fleet ? { fleet: input.fleet } : {}),
    fleetById: new Map(members.flatMap((m) => [...m.silo])),
    organisationOf: new Map(members.flatMap((m) => m.funders.map((f) => [f.id, m.name] as const))),
  });
  if (scenario.funders.length === 0) throw noDemand(input.date);
  const stillShared = () => checkStillShared(unitOfWork.repositories, clock, actor, members);
  return { scenario, stillShared };
}

function noDemand(date: string): AppError {
  return new AppError("validation-failed", `No trip requests travel on ${date}.`, [
    { path: "date", message: "no demand that day" },
  ]);
}

/** The organisation's day as a scenario; the personal data read is audited. */
async function scenarioOf(
  unitOfWork: AnalysisUnitOfWork,
  travelTimes: TravelTimeProvider,
  actor: Actor,
  jobId: string,
  input: AnalysisJobInput,
): Promise<IntegrationScenario> {
  const purpose = actor.purpose ?? `planning: integration analysis for ${input.date}`;
  const chosen = input.funderIds ? new Set(input.funderIds) : undefined;
  const { register, built } = await loadPlanningDay(
    unitOfWork,
    travelTimes,
    { ...actor, purpose },
    {
      jobId,
      date: input.date,
      ...(chosen ? { narrow: (day: DayRegister) => narrowToFunders(day, chosen) } : {}),
    },
  );
  const repos = unitOfWork.repositories;
  const funders = await repos.funders.list(actor.organisationId, { offset: 0, limit: 500 });
  const organisation = await repos.identity.findOrganisation(actor.organisationId);
  const scenario = scenarioFromRegister({
    name: organisation?.name ?? "Organisation",
    register,
    built,
    funders: funders.items,
    mixing: input.mixing,
    ...(input.fleet ? { fleet: input.fleet } : {}),
  });
  if (scenario.funders.length === 0) throw noDemand(input.date);
  return scenario;
}
