import type { JobData } from "../ports";
import type { StoredAnalysis } from "./analysis-job";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The report a finished analysis job stored, as written by `analysisJob` (the job's own result
 * column). Checks the parts every reader relies on, and throws when the row is not such a report.
 */
export function parseStoredAnalysis(result: JobData): StoredAnalysis {
  if (isStoredAnalysis(result)) return result;
  throw new Error("the job's result is not an integration analysis report");
}

function isStoredAnalysis(value: unknown): value is StoredAnalysis {
  if (!isObject(value)) return false;
  const report = value.report;
  if (!isObject(report) || !Array.isArray(value.runs)) return false;
  return (
    isObject(report.scenario) &&
    isObject(report.settings) &&
    Array.isArray(report.funders) &&
    isObject(report.silo) &&
    isObject(report.pooled) &&
    isObject(report.shares) &&
    typeof report.violations === "number"
  );
}
