import type { Problem, Solution } from "@tt/solver";
import type { CostSharesInput } from "./cost-shares";
import type {
  CostShares,
  IntegrationScenario,
  OverlapRow,
  PeakVehicles,
  PlanMetrics,
  Savings,
  SolvedPlan,
} from "./types";

/**
 * The pieces the analysis is assembled from, each a pure function of plain data. `analyseIntegration`
 * uses `defaultAnalysisParts` (the modules beside this one); tests may give their own.
 */
export interface AnalysisParts {
  /** The Problem of a coalition: its funders' requests on their vehicles, mixing policy applied. */
  coalitionProblem(scenario: IntegrationScenario, funders: readonly string[]): Problem;
  /** A plan's indicators; with `funder`, restricted to that funder's requests. */
  metrics(scenario: IntegrationScenario, plan: SolvedPlan, funder?: string): PlanMetrics;
  sumMetrics(list: readonly PlanMetrics[]): PlanMetrics;
  peakVehicles(plans: Readonly<Record<string, Solution>>): PeakVehicles;
  savings(siloTotal: PlanMetrics, pooled: PlanMetrics): Savings;
  costShares(input: CostSharesInput): CostShares;
  /** How many times the plan puts services on board together that the mixing policy forbids. */
  forbiddenSharing(scenario: IntegrationScenario, solution: Solution): number;
  overlap(
    scenario: IntegrationScenario,
    silo: Readonly<Record<string, SolvedPlan>>,
    options: { readonly samplePerPair: number; readonly seed: number },
  ): readonly OverlapRow[] | Promise<readonly OverlapRow[]>;
}
