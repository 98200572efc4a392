export {
  type AnalyseOptions,
  analyseIntegration,
  DEFAULT_OVERLAP_SAMPLE,
  DEFAULT_SAMPLE_PERMUTATIONS,
  type IntegrationAnalysis,
  MAX_EXACT_FUNDERS,
  MAX_FUNDERS,
} from "./analyse";
export type { AnalysisParts, CostShareInput } from "./analysis-parts";
export { coalitionKey, coalitionProblem } from "./coalition-problem";
export { DEMO_MIXING_POLICY, mixingPolicySchema, parseMixingPolicy } from "./mixing-policy";
export { REPORT_TABLES, type ReportTable, reportCsv, reportTableCsv } from "./report-csv";
export { type ReportHtmlInput, reportHtml } from "./report-html";
export { type Boundaries, type MapRun, mapRuns } from "./report-map";
export { integrationScenarioSchema, parseIntegrationScenario } from "./scenario-schema";
export * from "./types";
