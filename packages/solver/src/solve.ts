import { evaluateCompiled } from "./evaluate";
import { compileInstance } from "./instance";
import { insertRequests } from "./operators/insert-requests";
import { sequentialInsertion } from "./operators/sequential-insertion";
import { servableAlone } from "./operators/waiting";
import type { Problem } from "./problem";
import { explainUnassigned } from "./reasons";
import { createRng } from "./rng";
import { alns } from "./search/alns";
import { SearchContext } from "./search/context";
import { DEFAULT_PARAMS, type SearchParams } from "./search/params";
import { minimiseVehicles } from "./search/route-minimisation";
import { emptyState, type State, totalCost, usedVehicles } from "./search/state";
import { checkedPlan, warmStart } from "./search/warm-start";
import { type Plan, SOLUTION_VERSION, type Solution, type Unassigned } from "./solution";
import { Budget, type Clock, Phase } from "./stop/budget";
import { assertValidProblem } from "./validate";

export interface SolveOptions {
  readonly seed: number;
  /** Iteration budget: with it, the output is identical for a given seed. */
  readonly iterations?: number;
  /** Time budget in seconds; needs `clock`. */
  readonly timeLimit?: number;
  /** Milliseconds clock, e.g. `performance.now`. */
  readonly clock?: Clock;
  /** Overrides of the tuned search parameters. */
  readonly params?: Partial<SearchParams>;
  /**
   * Called after construction and whenever the search finds a better plan: for progress bars and
   * improvement curves. It must not throw; it does not change the search.
   */
  readonly onProgress?: (progress: SolveProgress) => void;
  /**
   * A plan to start from instead of an empty one, e.g. the plans of parts of the problem put
   * together: what of it the problem allows is kept (`search/warm-start.ts`), the other requests
   * are inserted, then the search improves the whole. The result is never worse than the kept part
   * of the plan with those requests unserved.
   */
  readonly initial?: Plan;
}

/** A snapshot of the search, given to `onProgress`. */
export interface SolveProgress {
  /** Iterations so far. */
  readonly iterations: number;
  /** Share of the budget used, 0..1. */
  readonly fraction: number;
  /** Objective of the best plan so far, unserved penalties included (the search's own measure). */
  readonly bestCost: number;
  /** Requests the best plan leaves unserved. */
  readonly unassigned: number;
}

/** Plans every request it can; the rest are returned in `unassigned` with a reason. */
/** Above this many request × vehicle pairs the construction is sequential. */
const LARGE = 20_000;

export function solve(problem: Problem, opts: SolveOptions): Solution {
  assertValidProblem(problem);
  const inst = compileInstance(problem);
  const ctx = new SearchContext(inst);
  const rng = createRng(opts.seed);
  const budget = new Budget(opts);
  const V = inst.vehicles.length;
  const params: SearchParams = { ...DEFAULT_PARAMS, ...opts.params };
  const VEHICLE_PHASE = params.vehiclePhase;
  if (V >= params.granularMinVehicles) ctx.granularRoutes = params.granularRoutes;
  let state = opts.initial ? warmStart(ctx, checkedPlan(opts.initial)) : emptyState(ctx);
  // Requests no vehicle could serve even alone are kept out of the search (never worth a retry).
  const never = state.unassigned.filter((r) => !servableAlone(ctx, r));
  state.unassigned = state.unassigned.filter((r) => servableAlone(ctx, r));
  // Regret insertion is O(U² V m²): for large problems build sequentially, then repair the rest.
  if (inst.n * V > LARGE) sequentialInsertion(ctx, state, V);
  insertRequests(ctx, state, {
    regret: inst.n * V > LARGE ? 1 : 2,
    noise: 0,
    rng,
    maxVehicles: V,
    everyRequest: true,
  });
  const onBest = progressReporter(ctx, budget, never, opts.onProgress);
  onBest?.(state);
  if (problem.objective === "vehicles-then-distance") {
    const phase = new Phase(budget, 0, VEHICLE_PHASE);
    state = alns(ctx, state, {
      rng,
      budget,
      phase,
      params,
      maxVehicles: V,
      stopWhenComplete: true,
      onBest,
    });
    state = minimiseVehicles(ctx, state, rng, budget, phase, params);
    const rest = new Phase(budget, VEHICLE_PHASE, 1);
    const limit = state.unassigned.length === 0 ? usedVehicles(state) : V;
    state = alns(ctx, state, { rng, budget, phase: rest, params, maxVehicles: limit, onBest });
  } else {
    state = alns(ctx, state, {
      rng,
      budget,
      phase: new Phase(budget, 0, 1),
      params,
      maxVehicles: V,
      onBest,
    });
  }
  state.unassigned.push(...never);
  return toSolution(ctx, state, budget.iterations);
}

function progressReporter(
  ctx: SearchContext,
  budget: Budget,
  never: readonly number[],
  onProgress: SolveOptions["onProgress"],
): ((best: State) => void) | undefined {
  if (!onProgress) return undefined;
  let left = 0;
  for (const r of never) left += ctx.inst.penalty[r]!;
  return (best) =>
    onProgress({
      iterations: budget.iterations,
      fraction: Math.min(1, budget.progress()),
      bestCost: totalCost(ctx, best) + left,
      unassigned: best.unassigned.length + never.length,
    });
}

export function stateToPlan(ctx: SearchContext, state: State): Plan {
  const inst = ctx.inst;
  const runs = [];
  for (let v = 0; v < state.routes.length; v++) {
    if (state.routes[v]!.length === 0) continue;
    const nodes = ctx.runWithBreaks(inst.vehicles[v]!, state.routes[v]!);
    const stops = nodes.map((node) =>
      node >= 2 * inst.n
        ? { kind: "break" as const, break: inst.breaks[node - 2 * inst.n]!.id }
        : {
            kind: (node & 1) === 0 ? ("pickup" as const) : ("dropoff" as const),
            request: inst.problem.requests[node >> 1]!.id,
          },
    );
    runs.push({ vehicle: inst.vehicles[v]!.vehicle.id, stops });
  }
  return { runs };
}

/** Builds the reported solution; `known` reuses reasons already given for unserved requests. */
export function toSolution(
  ctx: SearchContext,
  state: State,
  iterations: number,
  known?: ReadonlyMap<string, Unassigned>,
): Solution {
  const ev = evaluateCompiled(ctx.inst, stateToPlan(ctx, state));
  const unassigned = [...state.unassigned]
    .sort((a, b) => a - b)
    .map((r) => known?.get(ctx.inst.problem.requests[r]!.id) ?? explainUnassigned(ctx, state, r));
  return {
    version: SOLUTION_VERSION,
    runs: ev.runs,
    unassigned,
    cost: ev.cost,
    vehicles: ev.vehicles,
    distance: ev.distance,
    iterations,
  };
}
