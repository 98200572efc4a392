import { type Evaluation, evaluate } from "../src/evaluate";
import { planToState } from "../src/insert";
import { compileInstance, type Instance } from "../src/instance";
import type { Problem } from "../src/problem";
import { SearchContext } from "../src/search/context";
import type { State } from "../src/search/state";
import type { Solution, Violation } from "../src/solution";
import { type SolveProgress, solve, stateToPlan } from "../src/solve";

/**
 * A search state reached by `solve()` with a few iterations, with what the move tests need: the
 * search's context (`ctx`, whose scratch buffers the moves use) and a second context used only to
 * turn states into plans, so re-evaluation never touches the buffers of a move in progress.
 */
export interface Harness {
  readonly problem: Problem;
  readonly inst: Instance;
  readonly ctx: SearchContext;
  readonly state: State;
  readonly solution: Solution;
  /** The plan of a state, scored by the public `evaluate()`. */
  evaluate(state: State): Evaluation;
}

export function solvedHarness(
  problem: Problem,
  seed: number,
  iterations: number,
  onProgress?: (progress: SolveProgress) => void,
): Harness {
  const solution = solve(problem, { seed, iterations, ...(onProgress ? { onProgress } : {}) });
  const inst = compileInstance(problem);
  const ctx = new SearchContext(inst);
  const viewCtx = new SearchContext(inst);
  return {
    problem,
    inst,
    ctx,
    state: planToState(ctx, solution),
    solution,
    evaluate: (state) => evaluate(problem, stateToPlan(viewCtx, state)),
  };
}

/** Violations of one vehicle's run (plan-wide ones, such as linked requests, carry no vehicle). */
export function runViolations(ev: Evaluation, vehicleId: string): Violation[] {
  return ev.violations.filter((x) => x.vehicle === vehicleId);
}

/** Objective change between successive calls, for moves that report what they predicted. */
export function stepChecker(h: Harness, state: State): (predicted: number) => number {
  let prev = h.evaluate(state).objective;
  return (predicted) => {
    const now = h.evaluate(state).objective;
    const error = Math.abs(now - prev - predicted);
    prev = now;
    return error;
  };
}

/** Served requests of a state with their vehicle index. */
export function servedOf(h: Harness, state: State): { r: number; v: number }[] {
  const out: { r: number; v: number }[] = [];
  state.routes.forEach((nodes, v) => {
    for (const node of nodes)
      if (node < 2 * h.inst.n && (node & 1) === 0) out.push({ r: node >> 1, v });
  });
  return out;
}

/** The search's rule for where a request may go: allowed vehicle, and its linked leg's run if served. */
export function mayUse(h: Harness, state: State, r: number, v: number): boolean {
  const V = h.inst.vehicles.length;
  if (h.inst.allowed[r * V + v] === 0) return false;
  const partner = h.inst.linked[r]!;
  if (partner < 0) return true;
  const at = state.routes.findIndex((nodes) => nodes.includes(2 * partner));
  return at < 0 || at === v;
}

/** |a - b| within the tolerance the move tests use for cost changes. */
export const TOLERANCE = 1e-6;
