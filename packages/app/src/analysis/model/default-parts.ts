import type { AnalysisParts } from "./analysis-parts";
import { coalitionProblem } from "./coalition-problem";
import { costShares } from "./cost-shares";
import { planMetrics, sumMetrics } from "./metrics";
import { forbiddenSharing } from "./mixing-check";
import { measureOverlap } from "./overlap";
import { peakVehicles } from "./peak-vehicles";
import { computeSavings } from "./savings";

/** The analysis' building blocks from the modules of this folder. */
export const defaultAnalysisParts: AnalysisParts = {
  coalitionProblem,
  metrics(scenario, plan, funder) {
    const trips = (id: string) => scenario.requests[id]?.trips ?? 1;
    const mine =
      funder === undefined
        ? undefined
        : new Set(
            plan.problem.requests
              .filter((r) => scenario.requests[r.id]?.funder === funder)
              .map((r) => r.id),
          );
    return planMetrics(plan.problem, plan.solution, scenario.vehicles, mine, trips);
  },
  sumMetrics,
  peakVehicles: (plans) => peakVehicles(plans),
  savings: computeSavings,
  costShares,
  forbiddenSharing: (scenario, solution) =>
    forbiddenSharing(solution, scenario.requests, scenario.mixing).length,
  overlap: measureOverlap,
};
