import { tripsOn } from "../trips";
import type { SearchContext } from "./context";

/** A solution in the search: one node list per vehicle (by vehicle index) and the unserved requests. */
export interface State {
  routes: number[][];
  /** Objective cost of each run (0 when empty). */
  costs: number[];
  unassigned: number[];
}

export function emptyState(ctx: SearchContext): State {
  const V = ctx.inst.vehicles.length;
  return {
    routes: Array.from({ length: V }, () => []),
    costs: new Array<number>(V).fill(0),
    unassigned: Array.from({ length: ctx.inst.n }, (_, r) => r),
  };
}

export function cloneState(s: State): State {
  return {
    routes: s.routes.map((r) => r.slice()),
    costs: s.costs.slice(),
    unassigned: s.unassigned.slice(),
  };
}

/** Routing cost only (no penalties). */
export function routingCost(s: State): number {
  let c = 0;
  for (const x of s.costs) c += x;
  return c;
}

export function penaltyCost(ctx: SearchContext, s: State): number {
  let c = 0;
  for (const r of s.unassigned) c += ctx.inst.penalty[r]!;
  return c;
}

export function totalCost(ctx: SearchContext, s: State): number {
  return routingCost(s) + penaltyCost(ctx, s);
}

export function usedVehicles(s: State): number {
  let k = 0;
  for (const r of s.routes) if (r.length > 0) k++;
  return k;
}

/** Recomputes a run's cost exactly from scratch (schedules it in cost mode). */
export function recomputeRouteCost(ctx: SearchContext, s: State, v: number): void {
  s.costs[v] = routeCost(ctx, v, s.routes[v]!);
}

/** Exact objective cost of vehicle v driving `nodes` (0 when empty). */
export function routeCost(ctx: SearchContext, v: number, nodes: readonly number[]): number {
  const veh = ctx.inst.vehicles[v]!;
  if (nodes.length === 0) return 0;
  const d = ctx.distanceOf(veh, nodes, nodes.length);
  let duration = 0;
  if (ctx.costMode && veh.perMinute > 0) {
    if (!ctx.feasible(veh, nodes, nodes.length)) ctx.scheduler.run(veh, nodes, nodes.length, false);
    duration = ctx.scheduler.endTime - ctx.scheduler.startTime;
  }
  return ctx.runCost(veh, d, duration, false, tripsOn(ctx.inst.n, nodes, nodes.length));
}

/** Where each request is: vehicle index or -1. */
export function routeOfRequests(ctx: SearchContext, s: State): Int32Array {
  const out = new Int32Array(ctx.inst.n).fill(-1);
  s.routes.forEach((nodes, v) => {
    for (const node of nodes) if (node < 2 * ctx.inst.n) out[node >> 1] = v;
  });
  return out;
}

/** Removes request r's two nodes from its run. */
export function removeRequest(s: State, v: number, r: number): void {
  const nodes = s.routes[v]!;
  let w = 0;
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (node !== 2 * r && node !== 2 * r + 1) nodes[w++] = node;
  }
  nodes.length = w;
}
