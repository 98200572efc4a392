import { RUN_CONSTRAINTS } from "./constraints/index";
import { parsePlan } from "./constraints/plan-structure";
import { compileInstance, type Instance } from "./instance";
import { unservedPenalty } from "./objective/index";
import type { Problem } from "./problem";
import { buildRunView, toRun } from "./run-view";
import { Scheduler } from "./schedule";
import type { CostBreakdown, Plan, Run, Violation } from "./solution";

export interface Evaluation {
  readonly cost: CostBreakdown;
  /** Vehicles used and total distance (the ranking of `vehicles-then-distance`). */
  readonly vehicles: number;
  readonly distance: number;
  /** The value the problem's objective minimises (distance for `distance` mode, else total cost). */
  readonly objective: number;
  readonly runs: readonly Run[];
  /** Requests not served by the plan. */
  readonly unserved: readonly string[];
  readonly violations: readonly Violation[];
  readonly feasible: boolean;
}

/** Scores a plan: cost breakdown per term and every broken constraint, with a human message. */
export function evaluate(problem: Problem, plan: Plan): Evaluation {
  return evaluateCompiled(compileInstance(problem), plan);
}

export function evaluateCompiled(inst: Instance, plan: Plan): Evaluation {
  const parsed = parsePlan(inst, plan);
  const violations: Violation[] = [...parsed.violations];
  const scheduler = new Scheduler(inst);
  const runs: Run[] = [];
  let fixed = 0;
  let distanceCost = 0;
  let time = 0;
  let distance = 0;
  let vehicles = 0;
  for (const pr of parsed.runs) {
    const veh = inst.vehicles[pr.vehicle];
    if (!veh) continue;
    const view = buildRunView(inst, scheduler, veh, pr.nodes, pr.layout);
    for (const c of RUN_CONSTRAINTS) violations.push(...c.check(view));
    const run = toRun(view);
    runs.push(run);
    if (pr.nodes.some((node) => node < 2 * inst.n)) vehicles++;
    fixed += run.cost.fixed;
    distanceCost += run.cost.distance;
    time += run.cost.time;
    distance += run.distance;
  }
  const unserved = inst.problem.requests.filter((_, i) => !parsed.served.has(i)).map((r) => r.id);
  const unservedCost = unservedPenalty(inst, parsed.served);
  const total = fixed + distanceCost + time + unservedCost;
  const cost = { fixed, distance: distanceCost, time, unserved: unservedCost, total };
  const objective = inst.problem.objective === "cost" ? total : distance + unservedCost;
  return {
    cost,
    vehicles,
    distance,
    objective,
    runs,
    unserved,
    violations,
    feasible: violations.length === 0,
  };
}
