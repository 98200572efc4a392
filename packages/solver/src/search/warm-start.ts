import { parsePlan } from "../constraints/plan-structure";
import type { Plan } from "../solution";
import type { SearchContext } from "./context";
import { routeCost, type State } from "./state";

/**
 * The search state of a plan to start from (`solve(…, { initial })`), e.g. the plans of two parts
 * of a problem put together. What the plan does that the problem allows is kept:
 * - a run on an unknown vehicle is dropped;
 * - two runs on one vehicle are joined one after the other when that is feasible and costs no more
 *   than both apart; otherwise the later run is dropped;
 * - a request on a vehicle it may not use (features, assistant, load), or away from its linked
 *   request's vehicle, is taken out of its run;
 * - a run that is still infeasible (times, ride times, sharing, capacity, breaks) is dropped.
 * Requests not kept are returned unserved, for the construction to insert. Drivers' breaks are
 * placed again by the search.
 */
export function warmStart(ctx: SearchContext, plan: Plan): State {
  const inst = ctx.inst;
  const V = inst.vehicles.length;
  const routes: number[][] = Array.from({ length: V }, () => []);
  for (const run of parsePlan(inst, plan).runs) {
    if (run.vehicle < 0) continue;
    // parsePlan keeps only requests picked up and dropped off in this run; breaks are re-placed.
    const nodes = run.nodes.filter((x) => x < 2 * inst.n);
    routes[run.vehicle] = join(ctx, run.vehicle, routes[run.vehicle]!, nodes);
  }
  dropMisplaced(ctx, routes);
  const costs = new Array<number>(V).fill(0);
  for (let v = 0; v < V; v++) {
    const nodes = routes[v]!;
    if (nodes.length > 0 && !ctx.feasible(inst.vehicles[v]!, nodes, nodes.length)) routes[v] = [];
    costs[v] = routeCost(ctx, v, routes[v]!);
  }
  const served = new Uint8Array(inst.n);
  for (const nodes of routes) for (const x of nodes) served[x >> 1] = 1;
  const unassigned: number[] = [];
  for (let r = 0; r < inst.n; r++) if (served[r] === 0) unassigned.push(r);
  return { routes, costs, unassigned };
}

/** The vehicle's run `a` followed by `b` (or `b` then `a`): the cheaper that is feasible, else `a`. */
function join(ctx: SearchContext, v: number, a: number[], b: number[]): number[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const veh = ctx.inst.vehicles[v]!;
  const apart = routeCost(ctx, v, a) + routeCost(ctx, v, b);
  let best = a;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const nodes of [a.concat(b), b.concat(a)]) {
    if (!ctx.feasible(veh, nodes, nodes.length)) continue;
    const cost = routeCost(ctx, v, nodes);
    if (cost <= apart + 1e-9 && cost < bestCost) {
      best = nodes;
      bestCost = cost;
    }
  }
  return best;
}

/** Takes out requests on a vehicle they may not use, or apart from their linked request. */
function dropMisplaced(ctx: SearchContext, routes: number[][]): void {
  const inst = ctx.inst;
  const V = routes.length;
  const at = new Int32Array(inst.n).fill(-1);
  routes.forEach((nodes, v) => {
    for (const x of nodes) at[x >> 1] = v;
  });
  for (let v = 0; v < V; v++) {
    routes[v] = routes[v]!.filter((x) => {
      const r = x >> 1;
      const partner = inst.linked[r]!;
      // Of two linked legs on different vehicles, the later-numbered one leaves its run.
      const apart = partner >= 0 && at[partner]! >= 0 && at[partner] !== v && r > partner;
      return inst.allowed[r * V + v] === 1 && !apart;
    });
  }
}

/** The plan, after checking its shape (it may come from JSON); throws naming what is wrong. */
export function checkedPlan(plan: Plan): Plan {
  const runs = (plan as { runs?: unknown } | null)?.runs;
  if (!Array.isArray(runs)) throw new Error("initial plan: `runs` must be an array");
  runs.forEach((run: unknown, i) => {
    const r = run as { vehicle?: unknown; stops?: unknown } | null;
    if (typeof r?.vehicle !== "string" || !Array.isArray(r.stops))
      throw new Error(`initial plan: runs[${i}] needs a vehicle id and an array of stops`);
    r.stops.forEach((stop: unknown, k) => {
      const s = stop as { kind?: unknown; request?: unknown; break?: unknown } | null;
      const ok =
        ((s?.kind === "pickup" || s?.kind === "dropoff") && typeof s.request === "string") ||
        (s?.kind === "break" && typeof s.break === "string");
      if (!ok)
        throw new Error(
          `initial plan: runs[${i}].stops[${k}] must be a pickup or dropoff with a request id, or a break with a break id`,
        );
    });
  });
  return plan;
}
