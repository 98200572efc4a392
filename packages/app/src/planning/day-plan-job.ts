import { isIsoDate } from "@tt/domain";
import type { JobContext, JobKind, JobOutput } from "../jobs";
import {
  type Clock,
  type DayPlanResult,
  dayPlanResultSchema,
  type Job,
  type JobData,
  type PlanPool,
  readStoredPlanPart,
  type TravelTimeProvider,
  type UnitOfWorkOf,
} from "../ports";
import { type Actor, AppError } from "../shared";
import type { BuiltProblem } from "./build-problem";
import { mixDay } from "./day-mixing";
import { loadPlanningDay, type PlanningDayKind } from "./load-day-register";
import { loadPooledPlanningDay } from "./partnership-plan";
import { planFromSolution, summarise } from "./plan-from-solution";
import { boundedTimeLimit, MAX_TIME_LIMIT_SECONDS, type SolveRunner } from "./solve-runner";

/** What a day plan reads: the day, and the partnerships and funders its mixing policy needs. */
export type DayPlanUnitOfWork = UnitOfWorkOf<PlanningDayKind | "sharing" | "funders">;

/** The job kind of a day plan. */
export const DAY_PLAN_JOB = "day-plan";

/** What a failed job says to every reader when the cause was not an expected one. */
export const GENERIC_PLAN_FAILURE =
  "The plan could not be made because of an internal error. The server's log has the details.";

export interface DayPlanInput {
  /** The service date, "YYYY-MM-DD". */
  readonly date: string;
  readonly timeLimitSeconds?: number;
  readonly seed?: number;
  /** An iteration budget instead of (or as well as) time: same seed, same plan. */
  readonly iterations?: number;
}

/** A checked day-plan request: always a seed and a time limit. */
export interface DayPlanJobInput {
  readonly date: string;
  readonly seed: number;
  readonly timeLimitSeconds: number;
  readonly iterations?: number;
}

/** Checks a day-plan request, listing every problem, and fills in the seed and time limit. */
export function checkDayPlanInput(input: DayPlanInput): DayPlanJobInput {
  const issues = [];
  if (!isIsoDate(input.date)) issues.push({ path: "date", message: 'expected "YYYY-MM-DD"' });
  const limit = input.timeLimitSeconds;
  if (limit !== undefined && !(limit > 0 && limit <= MAX_TIME_LIMIT_SECONDS)) {
    issues.push({ path: "timeLimitSeconds", message: `expected 1 to ${MAX_TIME_LIMIT_SECONDS}` });
  }
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0)
    issues.push({ path: "seed", message: "expected a whole number" });
  const iterations = input.iterations;
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations > 0))
    issues.push({ path: "iterations", message: "expected a whole number above 0" });
  if (issues.length > 0)
    throw new AppError("validation-failed", "The plan request is not valid.", issues);
  // Always a time limit, iterations or not: the iterations then bound the search further.
  return {
    date: input.date,
    seed,
    timeLimitSeconds: boundedTimeLimit(limit),
    ...(iterations === undefined ? {} : { iterations }),
  };
}

/** The stored input read back (a job row written by `checkDayPlanInput`'s output). */
function parseStored(stored: JobData): DayPlanJobInput {
  const number = (value: unknown) => (typeof value === "number" ? value : undefined);
  const date = typeof stored.date === "string" ? stored.date : "";
  const iterations = number(stored.iterations);
  return checkDayPlanInput({
    date,
    ...(number(stored.seed) === undefined ? {} : { seed: number(stored.seed) }),
    ...(number(stored.timeLimitSeconds) === undefined
      ? {}
      : { timeLimitSeconds: number(stored.timeLimitSeconds) }),
    ...(iterations === undefined ? {} : { iterations }),
  });
}

export interface DayPlanJobOptions {
  readonly travelTimes: TravelTimeProvider;
  readonly clock: Clock;
  readonly runner: SolveRunner;
  /** How often the share of the time budget used is reported, milliseconds (default 1000). */
  readonly progressEveryMs?: number;
}

/**
 * A day plan as a job: reads the register for the date, maps it to a solver Problem, solves it
 * off the calling thread, and stores the plan with its runs when the job succeeds. Plans hold
 * trip request ids, never passengers' names. A partnership's day plan pools its members' days
 * through their integrated-planning agreements (`loadPooledPlanningDay`) and fails, naming the
 * agreement, when one is suspended or ended before the plan is stored.
 */
export function dayPlanJob(
  unitOfWork: DayPlanUnitOfWork,
  options: DayPlanJobOptions,
): JobKind<DayPlanJobInput> {
  return {
    name: DAY_PLAN_JOB,
    resource: "plans",
    genericFailure: GENERIC_PLAN_FAILURE,
    parseInput: parseStored,
    maxSeconds: (input) => input.timeLimitSeconds,
    run: (context) => runDayPlan(unitOfWork, options, context),
  };
}

async function runDayPlan(
  unitOfWork: DayPlanUnitOfWork,
  options: DayPlanJobOptions,
  { job, input, actor, signal, progress }: JobContext<DayPlanJobInput>,
): Promise<JobOutput<DayPlanResult>> {
  const read = { jobId: job.id, date: input.date };
  const partnership = await unitOfWork.repositories.sharing.findPartnership(actor.organisationId);
  const day = partnership
    ? await loadPooledPlanningDay(unitOfWork, options, actor, partnership, read)
    : await ownPlanningDay(unitOfWork, options, actor, read);
  const { built } = day;
  const started = options.clock.now().getTime();
  const budget = {
    timeLimitSeconds: input.timeLimitSeconds,
    ...(input.iterations === undefined ? {} : { iterations: input.iterations }),
  };
  await day.stillShared();
  const ticker = timeShare(options, input.timeLimitSeconds, progress);
  const outcome = await options.runner
    .run({ problem: built.problem, seed: input.seed, ...budget }, { signal })
    .finally(ticker.stop);
  const summary = summarise(built, outcome.solution, {
    date: input.date,
    seed: input.seed,
    ...budget,
    seconds: Math.round((options.clock.now().getTime() - started) / 100) / 10,
    travelTimes: options.travelTimes.name,
    thread: outcome.thread,
    ...(outcome.fallback ? { fallback: outcome.fallback } : {}),
    ...(day.mixingPolicy ? { mixingPolicy: day.mixingPolicy } : {}),
    ...(day.pool ? { pool: day.pool } : {}),
  });
  const plan = planFromSolution(built, outcome.solution, summary);
  await day.stillShared();
  return {
    async store(repos) {
      const saved = await repos.plans.save(actor.organisationId, plan);
      const { issues: _listed, ...summary } = plan.summary;
      return { planId: saved.id, summary };
    },
  };
}

/** The organisation's own day, under the mixing policy of the partnerships it belongs to. */
async function ownPlanningDay(
  unitOfWork: DayPlanUnitOfWork,
  options: DayPlanJobOptions,
  actor: Actor,
  read: { jobId: string; date: string },
): Promise<{
  built: BuiltProblem;
  mixingPolicy?: string;
  pool?: PlanPool;
  stillShared: () => Promise<void>;
}> {
  const loaded = await loadPlanningDay(unitOfWork, options.travelTimes, actor, read);
  const org = actor.organisationId;
  const mixed = await mixDay(unitOfWork.repositories, org, loaded.register, loaded.built.problem);
  return {
    built: { ...loaded.built, problem: mixed.problem },
    ...(mixed.mixingPolicy ? { mixingPolicy: mixed.mixingPolicy } : {}),
    stillShared: async () => {},
  };
}

/** A succeeded day-plan job's result, checked; throws when the job holds something else. */
export function readDayPlanResult(job: Job): DayPlanResult {
  if (job.kind !== DAY_PLAN_JOB || job.status !== "succeeded" || !job.result)
    throw new Error(`job ${job.id} is not a succeeded day plan (${job.kind}, ${job.status})`);
  return readStoredPlanPart(dayPlanResultSchema, job.result, { jobId: job.id, part: "result" });
}

/** Reports the share of the time budget used, every `progressEveryMs`, while the solve runs. */
function timeShare(options: DayPlanJobOptions, seconds: number, report: (f: number) => void) {
  const started = options.clock.now().getTime();
  const tick = () => report((options.clock.now().getTime() - started) / (seconds * 1000));
  const timer = setInterval(tick, options.progressEveryMs ?? 1000);
  return { stop: () => clearInterval(timer) };
}
