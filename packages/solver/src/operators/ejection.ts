import type { SearchContext } from "../search/context";
import {
  recomputeRouteCost,
  routeCost,
  routeOfRequests,
  type State,
  usedVehicles,
} from "../search/state";
import { nearness } from "./granular-insert";
import { bestInsertion, buildInsertion, type InsertionResult, RouteCache } from "./insertion-eval";
import { overlaps, servableAlone } from "./waiting";

export interface EjectionOptions {
  /** At most this many vehicles in use. */
  readonly maxVehicles: number;
  /** Runs tried per request (nearest first), for the request and for the passenger it displaces. */
  readonly routes: number;
  /** Checked between requests: the pass stops when it says so. */
  readonly done: () => boolean;
  /**
   * Told of each exchange made, with the objective change it predicted and whether a passenger
   * was displaced. For tests of the move deltas; it does not change the search.
   */
  readonly onMove?: (predicted: number, displaced: boolean) => void;
}

/** A served request moved out of run `v` (position-free) to make room, and where it goes. */
interface Ejection {
  gain: number;
  /** Run that takes the waiting request, without the displaced passenger. */
  v: number;
  vNodes: number[];
  /** The displaced request, the run it moves to and its positions there (-1: none displaced). */
  s: number;
  w: number;
  i: number;
  j: number;
}

/**
 * Ejection chains of length one for the requests a full peak leaves unserved: for each unserved
 * request r that some vehicle could serve alone, try every passenger s of r's nearest runs: take s
 * out, put r in its place (cheapest feasible positions), and move s to the cheapest feasible place
 * in one of its own nearest runs (or a new vehicle). The best exchange that lowers the objective
 * (r's penalty saved against the runs' cost rise) is made. A plain insertion into any run is tried
 * first. Deterministic; returns how many requests it placed.
 */
export function ejectionPass(ctx: SearchContext, state: State, opts: EjectionOptions): number {
  const pass = new EjectionPass(ctx, state, opts);
  let placed = 0;
  const order = state.unassigned
    .filter((r) => servableAlone(ctx, r))
    .sort((a, b) => ctx.inst.penalty[b]! - ctx.inst.penalty[a]! || a - b);
  for (const r of order) {
    if (opts.done()) break;
    if (pass.place(r)) placed++;
  }
  return placed;
}

class EjectionPass {
  private readonly caches: RouteCache[] = [];
  private readonly fresh: Uint8Array;
  private readonly where: Int32Array;
  private readonly tmp = new RouteCache();
  private readonly res: InsertionResult = { delta: 0, i: 0, j: 0 };
  private readonly V: number;

  constructor(
    private readonly ctx: SearchContext,
    private readonly state: State,
    private readonly opts: EjectionOptions,
  ) {
    this.V = ctx.inst.vehicles.length;
    this.fresh = new Uint8Array(this.V);
    this.where = routeOfRequests(ctx, state);
  }

  /** Places r by a plain insertion or by one ejection; false when neither lowers the objective. */
  place(r: number): boolean {
    const partner = this.ctx.inst.linked[r]!;
    // Return legs whose partner waits too are left to the search (both must move together).
    if (partner >= 0 && this.where[partner]! < 0) return false;
    const best = this.direct(r) ?? this.eject(r);
    if (!best) return false;
    this.apply(r, best);
    this.opts.onMove?.(-best.gain, best.v >= 0);
    return true;
  }

  private cache(v: number): RouteCache {
    let c = this.caches[v];
    if (!c) {
      c = new RouteCache();
      this.caches[v] = c;
    }
    if (this.fresh[v] === 0) {
      c.prepare(this.ctx, this.ctx.inst.vehicles[v]!, this.state.routes[v]!, this.state.costs[v]!);
      this.fresh[v] = 1;
    }
    return c;
  }

  /** Whether request r may use vehicle v: allowed, and its linked partner's run if that is served. */
  private mayUse(r: number, v: number): boolean {
    const inst = this.ctx.inst;
    const partner = inst.linked[r]!;
    if (inst.allowed[r * this.V + v] === 0) return false;
    return partner < 0 || this.where[partner]! < 0 || this.where[partner] === v;
  }

  /** Cheapest plain insertion of r into any run, or one empty vehicle of each class. */
  private direct(r: number): Ejection | undefined {
    const best = this.placeElsewhere(r, -1, Number.POSITIVE_INFINITY);
    const gain = this.ctx.inst.penalty[r]! - best.delta;
    if (best.w < 0 || gain <= 1e-9) return undefined;
    return { gain, v: -1, vNodes: [], s: r, w: best.w, i: best.i, j: best.j };
  }

  /**
   * Cheapest feasible place for request s in a run other than `skip`: its `routes` nearest runs
   * (every allowed run when `limit` is infinite) and one empty vehicle per class.
   */
  private placeElsewhere(s: number, skip: number, limit: number): { delta: number } & Place {
    const { ctx, state, res } = this;
    const out = { delta: Number.POSITIVE_INFINITY, w: -1, i: -1, j: -1 };
    const classes = new Set<number>();
    const canOpen = usedVehicles(state) < this.opts.maxVehicles;
    for (const w of this.candidateRuns(s, skip, limit)) {
      if (state.routes[w]!.length === 0) {
        if (!canOpen || classes.has(ctx.vehicleClass[w]!)) continue;
        classes.add(ctx.vehicleClass[w]!);
      }
      bestInsertion(ctx, this.cache(w), s, res);
      if (res.delta < out.delta) Object.assign(out, { delta: res.delta, w, i: res.i, j: res.j });
    }
    return out;
  }

  /** Runs s may use other than `skip`: non-empty ones nearest first (at most `limit`), then empty ones. */
  private candidateRuns(s: number, skip: number, limit: number): number[] {
    const { ctx, state } = this;
    const used: number[] = [];
    const empty: number[] = [];
    for (let v = 0; v < this.V; v++) {
      if (v === skip || !this.mayUse(s, v)) continue;
      (state.routes[v]!.length > 0 ? used : empty).push(v);
    }
    if (used.length <= limit) return used.concat(empty);
    const score = new Map(used.map((v) => [v, nearness(ctx, this.cache(v), s)]));
    used.sort((a, b) => score.get(a)! - score.get(b)! || a - b);
    return used.slice(0, limit).concat(empty);
  }

  /** The best single ejection that lets r in, if it lowers the objective. */
  private eject(r: number): Ejection | undefined {
    const { ctx, state } = this;
    const inst = ctx.inst;
    let best: Ejection | undefined;
    const runs = this.candidateRuns(r, -1, this.opts.routes).filter(
      (v) => state.routes[v]!.length > 0,
    );
    for (const v of runs) {
      for (const node of state.routes[v]!) {
        if (node >= 2 * inst.n || (node & 1) === 1) continue;
        const s = node >> 1;
        if (inst.linked[s]! >= 0 || !overlaps(ctx, r, s)) continue;
        const found = this.tryEjection(r, v, s);
        if (found && found.gain > (best?.gain ?? 1e-9)) best = found;
      }
    }
    return best;
  }

  /** r into run v in place of s, and s to its cheapest other place. */
  private tryEjection(r: number, v: number, s: number): Ejection | undefined {
    const { ctx, state, tmp, res } = this;
    const inst = ctx.inst;
    const vNodes = state.routes[v]!.filter((x) => x !== 2 * s && x !== 2 * s + 1);
    const without = routeCost(ctx, v, vNodes);
    const saved = without - state.costs[v]!;
    tmp.prepare(ctx, inst.vehicles[v]!, vNodes, without);
    bestInsertion(ctx, tmp, r, res);
    if (res.delta === Number.POSITIVE_INFINITY) return undefined;
    const rDelta = res.delta;
    const rI = res.i;
    const rJ = res.j;
    const rise = saved + rDelta;
    if (inst.penalty[r]! - rise <= 1e-9) return undefined;
    const len = buildInsertion(vNodes, r, rI, rJ, ctx.scratch);
    const withR = Array.from(ctx.scratch.subarray(0, len));
    const moved = this.placeElsewhere(s, v, this.opts.routes);
    if (moved.w < 0 || moved.delta >= inst.penalty[s]!) return undefined;
    const gain = inst.penalty[r]! - rise - moved.delta;
    if (gain <= 1e-9) return undefined;
    return { gain, v, vNodes: withR, s, w: moved.w, i: moved.i, j: moved.j };
  }

  private apply(r: number, e: Ejection): void {
    const { ctx, state } = this;
    if (e.v >= 0) {
      state.routes[e.v] = e.vNodes;
      recomputeRouteCost(ctx, state, e.v);
      this.fresh[e.v] = 0;
      this.where[r] = e.v;
    }
    const len = buildInsertion(state.routes[e.w]!, e.s, e.i, e.j, ctx.scratch);
    state.routes[e.w] = Array.from(ctx.scratch.subarray(0, len));
    recomputeRouteCost(ctx, state, e.w);
    this.fresh[e.w] = 0;
    this.where[e.s] = e.w;
    state.unassigned = state.unassigned.filter((x) => x !== r);
  }
}

interface Place {
  w: number;
  i: number;
  j: number;
}
