import type { RunView } from "../run-view";

/** One objective term of a used run, in the problem's cost unit. One file per term. */
export interface RunCostTerm {
  readonly id: "fixed" | "distance" | "time";
  cost(run: RunView): number;
}
