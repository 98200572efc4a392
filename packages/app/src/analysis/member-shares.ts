import type { Job } from "../ports";
import type { StoredAnalysis } from "./analysis-job";
import { parseStoredAnalysis } from "./stored-analysis";

/** One of a member's budgets in a partnership's analysis. */
export interface MemberFunderShare {
  readonly key: string;
  readonly name: string;
  /** Its trips that day, and how many its silo plan and the pooled plan served. */
  readonly requests: number;
  readonly servedAlone: number;
  readonly servedPooled: number;
  /** Its silo plan's cost, pounds (without penalties for trips not served). */
  readonly costAlone: number;
  /** Its Shapley share of the pooled plan's objective, and its own plan's objective (pounds). */
  readonly shapley: number;
  readonly objectiveAlone: number;
  readonly paysMoreThanAlone: boolean;
}

/** What a member sees of one of its partnerships' analyses: its own budgets only. */
export interface MemberShare {
  readonly jobId: string;
  readonly partnership: string;
  readonly date: string;
  readonly mixingPolicy: string;
  readonly finishedAt: string | null;
  readonly funders: readonly MemberFunderShare[];
}

/** The member's budgets in the analysis (those its organisation holds, by id), or none. */
export function memberShareOf(
  job: Job,
  partnership: string,
  memberId: string,
): MemberShare | undefined {
  if (!job.result) return undefined;
  const { report }: StoredAnalysis = parseStoredAnalysis(job.result);
  const own = report.funders.filter((f) => f.organisationId === memberId);
  if (own.length === 0) return undefined;
  const paysMore = new Set(report.shares.paysMoreThanAlone);
  return {
    jobId: job.id,
    partnership,
    date: report.scenario.date,
    mixingPolicy: report.scenario.mixingPolicy,
    finishedAt: job.finishedAt,
    funders: own.map((f) => {
      const alone = report.silo[f.key];
      const pooled = report.pooledByFunder[f.key];
      return {
        key: f.key,
        name: f.name,
        requests: alone?.requests ?? 0,
        servedAlone: alone?.served ?? 0,
        servedPooled: pooled?.served ?? 0,
        costAlone: alone?.cost.total ?? 0,
        shapley: report.shares.shapley[f.key] ?? 0,
        objectiveAlone: alone?.objective ?? 0,
        paysMoreThanAlone: paysMore.has(f.key),
      };
    }),
  };
}
