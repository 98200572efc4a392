import { parsePlan } from "./constraints/plan-structure";
import { compileInstance } from "./instance";
import {
  bestInsertion,
  buildInsertion,
  type InsertionResult,
  RouteCache,
} from "./operators/insertion-eval";
import type { Problem, Request } from "./problem";
import { explainUnassigned } from "./reasons";
import { SearchContext } from "./search/context";
import { recomputeRouteCost, type State } from "./search/state";
import type { Plan, Solution, Unassigned, UnassignedReason } from "./solution";
import { toSolution } from "./solve";

export type InsertOutcome =
  | {
      readonly ok: true;
      readonly vehicle: string;
      /** Objective cost added by serving the request. */
      readonly addedCost: number;
      readonly solution: Solution;
    }
  | { readonly ok: false; readonly reason: UnassignedReason; readonly message: string };

/**
 * Same-day booking: puts `request` into an existing plan at its cheapest feasible place without
 * moving any other stop (every run keeps its vehicle and stop order), or says why it cannot.
 */
export function insert(problem: Problem, plan: Plan, request: Request): InsertOutcome {
  const at = placed(problem, plan, request);
  if (at.already) {
    return {
      ok: false,
      reason: "not-worth-penalty",
      message: `${request.id} is already in the plan`,
    };
  }
  const { inst, ctx, state, r } = at;
  state.unassigned = state.unassigned.filter((x) => x !== r);
  let best = { v: -1, delta: Number.POSITIVE_INFINITY, i: 0, j: 0 };
  eachInsertion(at, (v, res) => {
    if (res.delta < best.delta) best = { v, delta: res.delta, i: res.i, j: res.j };
  });
  if (best.v < 0 || best.delta >= inst.penalty[r]!) {
    const why = explainUnassigned(ctx, state, r);
    return { ok: false, reason: why.reason, message: why.message };
  }
  const len = buildInsertion(state.routes[best.v]!, r, best.i, best.j, ctx.scratch);
  state.routes[best.v] = Array.from(ctx.scratch.subarray(0, len));
  recomputeRouteCost(ctx, state, best.v);
  return {
    ok: true,
    vehicle: inst.vehicles[best.v]!.vehicle.id,
    addedCost: best.delta,
    solution: toSolution(ctx, state, 0, knownReasons(plan)),
  };
}

/** A vehicle that can take a request, and what serving it there adds to the objective. */
export interface InsertionCost {
  readonly vehicle: string;
  readonly addedCost: number;
}

/**
 * For every vehicle whose run can take `request` without moving any other stop, the cheapest such
 * insertion's cost (as `insert()` computes it for the one it chooses), cheapest first: the
 * booking desk's alternatives, in one compile of the Problem.
 */
export function insertionCosts(problem: Problem, plan: Plan, request: Request): InsertionCost[] {
  const at = placed(problem, plan, request);
  if (at.already) return [];
  const out: InsertionCost[] = [];
  eachInsertion(at, (v, res) => {
    if (res.delta < at.inst.penalty[at.r]!) {
      out.push({ vehicle: at.inst.vehicles[v]!.vehicle.id, addedCost: res.delta });
    }
  });
  return out.sort((a, b) => a.addedCost - b.addedCost || a.vehicle.localeCompare(b.vehicle));
}

/** The plan in the engine's state, with the request among the Problem's. */
interface Placed {
  readonly inst: ReturnType<typeof compileInstance>;
  readonly ctx: SearchContext;
  readonly state: State;
  /** The request's index. */
  readonly r: number;
  /** The request is in the plan already. */
  readonly already: boolean;
}

function placed(problem: Problem, plan: Plan, request: Request): Placed {
  const known = problem.requests.some((r) => r.id === request.id);
  const full: Problem = known ? problem : { ...problem, requests: [...problem.requests, request] };
  const inst = compileInstance(full);
  const ctx = new SearchContext(inst);
  const r = inst.requestIndex.get(request.id)!;
  const state = planToState(ctx, plan);
  const already = state.routes.some((nodes) => nodes.includes(2 * r));
  return { inst, ctx, state, r, already };
}

/**
 * The cheapest insertion into each vehicle's run that may take the request (its features and
 * assistant, and the run of its linked leg if that is placed), given to `each` (infinite delta:
 * none keeps every rule).
 */
function eachInsertion(at: Placed, each: (v: number, res: InsertionResult) => void): void {
  const { inst, ctx, state, r } = at;
  const V = inst.vehicles.length;
  const cache = new RouteCache();
  const res: InsertionResult = { delta: 0, i: 0, j: 0 };
  const partner = inst.linked[r]!;
  const partnerRoute =
    partner >= 0 ? state.routes.findIndex((nodes) => nodes.includes(2 * partner)) : -1;
  for (let v = 0; v < V; v++) {
    if (inst.allowed[r * V + v] === 0 || (partnerRoute >= 0 && v !== partnerRoute)) continue;
    cache.prepare(ctx, inst.vehicles[v]!, state.routes[v]!, state.costs[v]!);
    bestInsertion(ctx, cache, r, res);
    each(v, res);
  }
}

/** Reasons already given in the plan, when it is a `Solution`. */
function knownReasons(plan: Plan): Map<string, Unassigned> {
  const given = (plan as Partial<Solution>).unassigned ?? [];
  return new Map(given.map((u) => [u.request, u]));
}

/** The search state of an existing plan (stops of unknown ids are dropped). */
export function planToState(ctx: SearchContext, plan: Plan): State {
  const inst = ctx.inst;
  const parsed = parsePlan(inst, plan);
  const routes: number[][] = inst.vehicles.map(() => []);
  // Breaks are re-placed by the scheduler whenever a run is checked.
  for (const run of parsed.runs)
    if (run.vehicle >= 0) routes[run.vehicle] = run.nodes.filter((x) => x < 2 * inst.n);
  const state: State = {
    routes,
    costs: routes.map(() => 0),
    unassigned: Array.from({ length: inst.n }, (_, i) => i).filter((i) => !parsed.served.has(i)),
  };
  for (let v = 0; v < routes.length; v++) recomputeRouteCost(ctx, state, v);
  return state;
}
