export {
  type AnalysableFunder,
  type AnalysableFunders,
  listAnalysableFunders,
  type UnanalysableMember,
} from "./analysis-funders";
export {
  type CheckedAnalysisInput,
  checkAnalysisInput,
  type IntegrationAnalysisInput,
} from "./analysis-input";
export {
  type AnalysisJobInput,
  analysisJob,
  GENERIC_ANALYSIS_FAILURE,
  INTEGRATION_ANALYSIS_JOB,
  type StoredAnalysis,
} from "./analysis-job";
export {
  ANALYSIS_GRACE_SECONDS,
  IntegrationAnalysisService,
  type IntegrationAnalysisServiceOptions,
} from "./analysis-service";
export type { MemberFunderShare, MemberShare } from "./member-shares";
export {
  type AnalyseOptions,
  analyseIntegration,
  DEFAULT_OVERLAP_SAMPLE,
  DEFAULT_SAMPLE_PERMUTATIONS,
  type IntegrationAnalysis,
  MAX_EXACT_FUNDERS,
  MAX_FUNDERS,
} from "./model/analyse";
export type { AnalysisParts } from "./model/analysis-parts";
export { coalitionKey, coalitionProblem } from "./model/coalition-problem";
export type { CostSharesInput } from "./model/cost-shares";
export { groupIdenticalTrips, MAX_GROUP_TRIPS } from "./model/group-trips";
export { mixingPolicySchema, parseMixingPolicy } from "./model/mixing-policy";
export { integrationScenarioSchema, parseIntegrationScenario } from "./model/scenario-schema";
export * from "./model/types";
export {
  type FleetAllocation,
  REGISTER_SERVICES,
  scenarioFromRegister,
  serviceOf,
  vehicleFunders,
} from "./register-scenario";
export { escapeHtml } from "./report/report-charts";
export { REPORT_TABLES, type ReportTable, reportCsv, reportTableCsv } from "./report/report-csv";
export { type ReportHtmlInput, reportHtml, standalonePage } from "./report/report-html";
export { type Boundaries, type MapRun, mapRuns } from "./report/report-map";
