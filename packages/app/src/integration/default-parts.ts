import type { AnalysisParts } from "./analysis-parts";

const missing = (name: string) => () => {
  throw new Error(`integration analysis: ${name} is not wired yet`);
};

/** The analysis' building blocks from the modules of this folder. */
export const defaultAnalysisParts: AnalysisParts = {
  coalitionProblem: missing("coalitionProblem"),
  metrics: missing("metrics"),
  sumMetrics: missing("sumMetrics"),
  peakVehicles: missing("peakVehicles"),
  savings: missing("savings"),
  costShares: missing("costShares"),
  forbiddenSharing: missing("forbiddenSharing"),
  overlap: missing("overlap"),
};
