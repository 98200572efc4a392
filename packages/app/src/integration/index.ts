export {
  type AnalyseOptions,
  analyseIntegration,
  DEFAULT_OVERLAP_SAMPLE,
  DEFAULT_SAMPLE_PERMUTATIONS,
  type IntegrationAnalysis,
  MAX_EXACT_FUNDERS,
  MAX_FUNDERS,
} from "./analyse";
export {
  type CheckedAnalysisInput,
  checkAnalysisInput,
  type IntegrationAnalysisInput,
} from "./analysis-input";
export type { AnalysisParts } from "./analysis-parts";
export {
  INTEGRATION_ANALYSIS_JOB,
  IntegrationAnalysisService,
  type IntegrationAnalysisServiceOptions,
  type StoredAnalysis,
} from "./analysis-service";
export { coalitionKey, coalitionProblem } from "./coalition-problem";
export type { CostSharesInput } from "./cost-shares";
export {
  buildDemoIntegrationScenario,
  DEMO_INTEGRATION_DATE,
  type DemoIntegrationOptions,
} from "./demo-scenario";
export { groupIdenticalTrips, MAX_GROUP_TRIPS } from "./group-trips";
export { DEMO_MIXING_POLICY, mixingPolicySchema, parseMixingPolicy } from "./mixing-policy";
export {
  type FleetAllocation,
  REGISTER_SERVICES,
  scenarioFromRegister,
  serviceOf,
  vehicleFunders,
} from "./register-scenario";
export { REPORT_TABLES, type ReportTable, reportCsv, reportTableCsv } from "./report-csv";
export { type ReportHtmlInput, reportHtml } from "./report-html";
export { type Boundaries, type MapRun, mapRuns } from "./report-map";
export { integrationScenarioSchema, parseIntegrationScenario } from "./scenario-schema";
export * from "./types";
