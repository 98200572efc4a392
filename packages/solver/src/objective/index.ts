import { distanceCost } from "./distance";
import { fixedCost } from "./fixed";
import type { RunCostTerm } from "./term";
import { timeCost } from "./time";

export type { RunCostTerm } from "./term";
export { unservedPenalty } from "./unserved-penalty";

/** Registry of per-run objective terms used by `evaluate()` and the reported costs. */
export const RUN_COST_TERMS: readonly RunCostTerm[] = [fixedCost, distanceCost, timeCost];
