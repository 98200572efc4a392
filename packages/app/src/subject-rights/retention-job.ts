import {
  erasedPassenger,
  isDayRecordCategory,
  monthsBefore,
  type RetentionCategory,
  type RetentionInput,
  type RetentionRule,
  retentionInputSchema,
  retentionSchedule,
} from "@tt/domain";
import type { JobContext, JobKind, JobOutput, JobOutputRepositories } from "../jobs";
import type { Clock, JobData } from "../ports";
import type { Actor } from "../shared";

export const RETENTION_JOB = "retention";

/** What the schedule found due in one category, and what the run did with it. */
export interface RetentionLine {
  readonly category: RetentionCategory;
  readonly action: RetentionRule["action"];
  readonly months: number | null;
  /** Records last used before this day are due; null for a category kept for good. */
  readonly cutoff: string | null;
  readonly due: number;
  /** Erased or deleted by this run: 0 in a dry run. */
  readonly done: number;
  readonly description: string;
  readonly basis: string;
  readonly confidence: RetentionRule["confidence"];
}

/** A retention run's report: the job's result. */
export interface RetentionReport {
  readonly today: string;
  readonly dryRun: boolean;
  readonly lines: readonly RetentionLine[];
}

/** What is due in each category: the ids of passengers and jobs, or a count of day records. */
type Due = ReadonlyMap<RetentionCategory, readonly string[] | number>;

const dueCount = (due: Due, category: RetentionCategory): number => {
  const found = due.get(category);
  return typeof found === "number" ? found : (found?.length ?? 0);
};
const dueIds = (due: Due, category: RetentionCategory): readonly string[] => {
  const found = due.get(category);
  return typeof found === "number" || !found ? [] : found;
};

function parseStored(stored: JobData): RetentionInput {
  return retentionInputSchema.parse({ dryRun: stored.dryRun, months: stored.months });
}

/** The ids due in each category of the schedule, as of today. */
async function findDue(
  repos: Pick<JobOutputRepositories, "subjects">,
  organisationId: string,
  schedule: readonly RetentionRule[],
  today: string,
  jobId: string,
): Promise<Due> {
  const due = new Map<RetentionCategory, readonly string[] | number>();
  for (const rule of schedule) {
    if (rule.months === null) continue;
    const cutoff = monthsBefore(today, rule.months);
    if (isDayRecordCategory(rule.category)) {
      due.set(
        rule.category,
        await repos.subjects.dayRecordsBefore(organisationId, rule.category, cutoff),
      );
    } else if (rule.category === "inactive-passengers") {
      due.set(rule.category, await repos.subjects.inactivePassengers(organisationId, cutoff));
    } else if (rule.category === "finished-jobs") {
      const ids = await repos.subjects.finishedJobsBefore(organisationId, new Date(cutoff));
      due.set(
        rule.category,
        ids.filter((id) => id !== jobId),
      );
    }
  }
  return due;
}

/**
 * Erases the due passengers, deletes the due jobs and the day records older than their period;
 * each erasure audited as on a request.
 */
async function applyDue(
  repos: JobOutputRepositories,
  actor: Actor,
  due: Due,
  schedule: readonly RetentionRule[],
  today: string,
): Promise<Map<RetentionCategory, number>> {
  const org = actor.organisationId;
  const done = new Map<RetentionCategory, number>();
  for (const rule of schedule) {
    if (rule.months === null || !isDayRecordCategory(rule.category)) continue;
    const cutoff = monthsBefore(today, rule.months);
    done.set(
      rule.category,
      await repos.subjects.deleteDayRecordsBefore(org, rule.category, cutoff),
    );
  }
  let erased = 0;
  for (const id of dueIds(due, "inactive-passengers")) {
    const passenger = await repos.passengers.find(org, id);
    if (!passenger) continue;
    const home = { lat: passenger.homeLat, lon: passenger.homeLon };
    const counts = await repos.subjects.erase(org, id, erasedPassenger(id, home));
    if (!counts) continue;
    erased += 1;
    await repos.audit.append({
      organisationId: org,
      userId: actor.userId,
      action: "erase",
      resource: "passengers",
      resourceIds: [id],
      purpose: "retention schedule: inactive passenger",
      details: { ...counts },
    });
  }
  done.set("inactive-passengers", erased);
  const jobs = dueIds(due, "finished-jobs");
  done.set("finished-jobs", await repos.subjects.deleteFinishedJobs(org, jobs));
  return done;
}

function report(
  input: RetentionInput,
  today: string,
  due: Due,
  done: ReadonlyMap<RetentionCategory, number>,
): RetentionReport {
  const lines = retentionSchedule(input).map(
    (rule): RetentionLine => ({
      category: rule.category,
      action: rule.action,
      months: rule.months,
      cutoff: rule.months === null ? null : monthsBefore(today, rule.months),
      due: dueCount(due, rule.category),
      done: done.get(rule.category) ?? 0,
      description: rule.description,
      basis: rule.basis,
      confidence: rule.confidence,
    }),
  );
  return { today, dryRun: input.dryRun, lines };
}

/**
 * The retention schedule run for one organisation as a job: finds what is due in each category
 * and, unless it is a dry run, erases and deletes it in the transaction that finishes the job, so
 * a run either does all of it or none. Either way the report says what was due.
 */
export function retentionJob(clock: Clock): JobKind<RetentionInput> {
  return {
    name: RETENTION_JOB,
    resource: "subject-rights",
    parseInput: parseStored,
    maxSeconds: () => 600,
    genericFailure: "The retention run failed because of an internal error; nothing was changed.",
    async run(context: JobContext<RetentionInput>): Promise<JobOutput> {
      const { input, actor, job } = context;
      const today = clock.now().toISOString().slice(0, 10);
      const schedule = retentionSchedule(input);
      context.progress(0.5);
      // What is due is found in the transaction that applies it, so a trip booked while the job
      // waited keeps its passenger.
      return {
        async store(repos) {
          const due = await findDue(repos, actor.organisationId, schedule, today, job.id);
          const done = input.dryRun
            ? new Map()
            : await applyDue(repos, actor, due, schedule, today);
          const result = report(input, today, due, done);
          await repos.audit.append({
            organisationId: actor.organisationId,
            userId: actor.userId,
            action: input.dryRun ? "list" : "erase",
            resource: "retention",
            resourceIds: [job.id],
            purpose: input.dryRun ? "retention schedule: dry run" : "retention schedule: applied",
            details: Object.fromEntries(result.lines.map((l) => [l.category, [l.due, l.done]])),
          });
          return { ...result, lines: result.lines.map((l) => ({ ...l })) };
        },
      };
    },
  };
}
