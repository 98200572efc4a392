import type { SearchContext } from "../search/context";
import { recomputeRouteCost, routeOfRequests, type State, usedVehicles } from "../search/state";
import type { InsertOptions } from "./insert-requests";
import { bestInsertion, buildInsertion, type InsertionResult, RouteCache } from "./insertion-eval";
import { insertTop, regretScore } from "./regret";

/** Weight of minutes late (against the pick-up's latest start) in a run's nearness score. */
const LATE_WEIGHT = 4;

/**
 * Nearness of request r's pick-up to a prepared run: over every position, the minutes between the
 * stop there and the pick-up plus (weighted) how late that would reach it. Smaller is nearer.
 * O(m): a screen much cheaper than an exact best insertion (O(m²) candidate positions).
 */
export function nearness(ctx: SearchContext, c: RouteCache, r: number): number {
  const inst = ctx.inst;
  const p = 2 * r;
  const lp = inst.loc[p]!;
  const latP = inst.late[p]!;
  const { time, nLoc } = inst;
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= c.m; k++) {
    // The matrix row of the pick-up (time from it, not to it): one row stays in the CPU cache
    // while every run is screened, where a column would miss on every stop.
    const drive = time[lp * nLoc + c.ploc[k]!]!;
    const late = c.E[k]! + c.svc[k]! + drive - latP;
    const score = drive + (late > 0 ? LATE_WEIGHT * late : 0);
    if (score < best) best = score;
  }
  return best;
}

/** The `k` vehicles with the smallest scores (vehicles with an infinite score left out). */
function nearest(vehicles: readonly number[], score: Float64Array, k: number): number[] {
  const order = vehicles.filter((v) => score[v]! < Number.POSITIVE_INFINITY);
  order.sort((a, b) => score[a]! - score[b]! || a - b);
  return order.slice(0, k);
}

/**
 * Greedy / regret-k insertion for large fleets ("granular" insertion): each pending request is
 * tried only on the `k` runs nearest to its pick-up (by `nearness`) and on one empty vehicle of
 * each vehicle class, instead of on every run. Regret is computed over those candidates. Used only
 * above the size threshold in `SearchParams` (fleets of a county, not the benchmark instances),
 * where trying every run made each iteration cost O(pending × runs × stops²).
 * Hot path of the search for large problems: kept as one function on purpose.
 */
export function insertRequestsGranular(
  ctx: SearchContext,
  state: State,
  opts: InsertOptions,
  k: number,
): void {
  const inst = ctx.inst;
  const V = inst.vehicles.length;
  const { pending, resting } = attempted(state.unassigned, opts);
  const U = pending.length;
  if (U === 0) return;
  const where = routeOfRequests(ctx, state);
  const cost = new Float64Array(U * V).fill(Number.POSITIVE_INFINITY);
  const posI = new Int32Array(U * V);
  const posJ = new Int32Array(U * V);
  const inList = new Uint8Array(U * V);
  const lists: number[][] = [];
  /** Vehicles every pending request is tried on: empty vehicles, one per class. */
  const shared: number[] = [];
  const isShared = new Uint8Array(V);
  const caches = new Map<number, RouteCache>();
  const res: InsertionResult = { delta: 0, i: 0, j: 0 };
  const live = new Uint8Array(U).fill(1);
  let used = usedVehicles(state);

  const cacheOf = (v: number): RouteCache => {
    let c = caches.get(v);
    if (!c) {
      c = pooledCache(ctx, v);
      caches.set(v, c);
      c.prepare(ctx, inst.vehicles[v]!, state.routes[v]!, state.costs[v]!);
    }
    return c;
  };
  const evaluate = (u: number, v: number): void => {
    const r = pending[u]!;
    const idx = u * V + v;
    const partner = inst.linked[r]!;
    const partnerRoute = partner >= 0 ? where[partner]! : -1;
    if (inst.allowed[r * V + v] === 0 || (partnerRoute >= 0 && partnerRoute !== v)) {
      cost[idx] = Number.POSITIVE_INFINITY;
      return;
    }
    bestInsertion(ctx, cacheOf(v), r, res);
    let d = res.delta < inst.penalty[r]! ? res.delta : Number.POSITIVE_INFINITY;
    if (opts.noise > 0 && d < Number.POSITIVE_INFINITY)
      d = Math.max(0, d + opts.noise * (2 * opts.rng.next() - 1));
    cost[idx] = d;
    posI[idx] = res.i;
    posJ[idx] = res.j;
  };
  const shareVehicle = (v: number): void => {
    shared.push(v);
    isShared[v] = 1;
    for (let u = 0; u < U; u++) {
      if (live[u] === 0 || inList[u * V + v] === 1) continue;
      inList[u * V + v] = 1;
      evaluate(u, v);
    }
  };
  const addEmptyCandidates = (): void => {
    if (used >= opts.maxVehicles) return;
    const seen = new Set<number>();
    for (const v of shared) if (state.routes[v]!.length === 0) seen.add(ctx.vehicleClass[v]!);
    for (let v = 0; v < V; v++) {
      if (state.routes[v]!.length > 0 || seen.has(ctx.vehicleClass[v]!)) continue;
      if (isShared[v] === 1) continue;
      seen.add(ctx.vehicleClass[v]!);
      shareVehicle(v);
    }
  };

  const runs: number[] = [];
  for (let v = 0; v < V; v++) if (state.routes[v]!.length > 0) runs.push(v);
  const score = new Float64Array(V);
  for (let u = 0; u < U; u++) {
    const r = pending[u]!;
    const partner = inst.linked[r]!;
    const partnerRoute = partner >= 0 ? where[partner]! : -1;
    for (const v of runs)
      score[v] =
        inst.allowed[r * V + v] === 0 || (partnerRoute >= 0 && partnerRoute !== v)
          ? Number.POSITIVE_INFINITY
          : nearness(ctx, cacheOf(v), r);
    const list = nearest(runs, score, k);
    lists.push(list);
    for (const v of list) {
      inList[u * V + v] = 1;
      evaluate(u, v);
    }
  }
  addEmptyCandidates();

  const regret = opts.regret;
  const top = new Float64Array(Math.max(1, regret));
  for (let step = 0; step < U; step++) {
    let bestU = -1;
    let bestV = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let u = 0; u < U; u++) {
      if (live[u] === 0) continue;
      top.fill(Number.POSITIVE_INFINITY);
      let argmin = -1;
      const list = lists[u]!;
      for (let h = 0, total = list.length + shared.length; h < total; h++) {
        const v = h < list.length ? list[h]! : shared[h - list.length]!;
        if (h < list.length && isShared[v] === 1) continue;
        const c = cost[u * V + v]!;
        if (c === Number.POSITIVE_INFINITY) continue;
        if (c < top[0]!) argmin = v;
        insertTop(top, c);
      }
      if (argmin < 0) continue;
      const c0 = top[0]!;
      const s = regretScore(top, regret);
      if (s > bestScore || (s === bestScore && c0 < bestCost)) {
        bestScore = s;
        bestCost = c0;
        bestU = u;
        bestV = argmin;
      }
    }
    if (bestU < 0) break;
    const r = pending[bestU]!;
    const idx = bestU * V + bestV;
    const wasEmpty = state.routes[bestV]!.length === 0;
    const len = buildInsertion(state.routes[bestV]!, r, posI[idx]!, posJ[idx]!, ctx.scratch);
    state.routes[bestV] = Array.from(ctx.scratch.subarray(0, len));
    recomputeRouteCost(ctx, state, bestV);
    opts.onInsert?.(r, bestV, cost[idx]!);
    live[bestU] = 0;
    where[r] = bestV;
    cacheOf(bestV).prepare(ctx, inst.vehicles[bestV]!, state.routes[bestV]!, state.costs[bestV]!);
    for (let u = 0; u < U; u++)
      if (live[u] === 1 && inList[u * V + bestV] === 1) evaluate(u, bestV);
    const partner = inst.linked[r]!;
    const pu = partner >= 0 ? pending.indexOf(partner) : -1;
    if (pu >= 0 && live[pu] === 1) {
      // The return leg may only join the run its outbound leg is on.
      for (let v = 0; v < V; v++) if (v !== bestV) cost[pu * V + v] = Number.POSITIVE_INFINITY;
      if (inList[pu * V + bestV] === 0) {
        inList[pu * V + bestV] = 1;
        lists[pu]!.push(bestV);
        evaluate(pu, bestV);
      }
    }
    if (wasEmpty) {
      used++;
      if (used >= opts.maxVehicles) {
        for (let i = shared.length - 1; i >= 0; i--)
          if (state.routes[shared[i]!]!.length === 0) isShared[shared.splice(i, 1)[0]!] = 0;
      } else addEmptyCandidates();
    }
  }
  state.unassigned = resting.concat(pending.filter((_, u) => live[u] === 1));
}

const POOLS = new WeakMap<SearchContext, RouteCache[]>();

/** The vehicle's cache object, kept between repairs (its arrays stay grown; `prepare` refills it). */
function pooledCache(ctx: SearchContext, v: number): RouteCache {
  let pool = POOLS.get(ctx);
  if (!pool) {
    pool = [];
    POOLS.set(ctx, pool);
  }
  let c = pool[v];
  if (!c) {
    c = new RouteCache();
    pool[v] = c;
  }
  return c;
}

/** Requests a repair always retries: the last ones added (the removal appends what it took out). */
const RECENT = 60;
/** Of the requests left unserved before the removal, this many are retried at random. */
const BANK_SAMPLE = 40;

/**
 * Which unassigned requests this repair tries: the `RECENT` last (those just removed, at most
 * `removalMaxCap`) and a random `BANK_SAMPLE` of the older ones; the rest rest this time. On a
 * county where hundreds of requests have no room at the peak, retrying all of them on every
 * iteration was most of the search's time.
 */
function attempted(
  unassigned: readonly number[],
  opts: InsertOptions,
): { pending: number[]; resting: number[] } {
  const older = unassigned.length - RECENT;
  if (opts.everyRequest || older <= BANK_SAMPLE)
    return { pending: unassigned.slice(), resting: [] };
  const bank = unassigned.slice(0, older);
  for (let i = 0; i < BANK_SAMPLE; i++) {
    const j = i + opts.rng.int(bank.length - i);
    const t = bank[i]!;
    bank[i] = bank[j]!;
    bank[j] = t;
  }
  return {
    pending: bank.slice(0, BANK_SAMPLE).concat(unassigned.slice(older)),
    resting: bank.slice(BANK_SAMPLE),
  };
}
