import type { CompiledVehicle } from "../instance";
import type { SearchContext } from "../search/context";
import { tripsOn } from "../trips";

/**
 * Per-run arrays for O(1) tests of a candidate insertion: earliest start (E), latest start that
 * keeps the rest of the run feasible (Lt), and the load after each position.
 * Positions 0..m+1 with 0 and m+1 the depots.
 */
export class RouteCache {
  v!: CompiledVehicle;
  nodes: readonly number[] = [];
  m = 0;
  cost = 0;
  E = new Float64Array(8);
  Lt = new Float64Array(8);
  ploc = new Int32Array(8);
  svc = new Float64Array(8);
  early = new Float64Array(8);
  load = new Float64Array(8);
  late = new Float64Array(8);
  /** Largest capacity per dimension over the vehicle's layouts (a quick necessary test). */
  capMax = new Float64Array(1);
  hasBreaks = false;

  /** Fills the arrays for one run; called for every changed run in every repair (hot, one pass each way). */
  prepare(ctx: SearchContext, v: CompiledVehicle, nodes: readonly number[], cost: number): void {
    const inst = ctx.inst;
    const dims = inst.dims;
    const m = nodes.length;
    this.v = v;
    this.nodes = nodes;
    this.m = m;
    this.cost = cost;
    if (this.E.length < m + 2 || this.load.length < (m + 2) * dims) this.grow(2 * (m + 2), dims);
    if (this.capMax.length !== dims) this.capMax = new Float64Array(dims);
    this.capMax.fill(0);
    for (const lay of v.layouts)
      for (let d = 0; d < dims; d++) this.capMax[d] = Math.max(this.capMax[d]!, lay[d]!);
    const { E, Lt, ploc, svc, early, load } = this;
    const { time, nLoc } = inst;
    const twoN = 2 * inst.n;
    const late = this.late;
    ploc[0] = v.startLoc;
    svc[0] = 0;
    early[0] = v.shiftStart;
    late[0] = v.shiftEnd;
    for (let d = 0; d < dims; d++) load[d] = 0;
    this.hasBreaks = false;
    for (let k = 1; k <= m; k++) {
      const node = nodes[k - 1]!;
      if (node >= twoN) {
        const b = inst.breaks[node - twoN]!;
        this.hasBreaks = true;
        ploc[k] = ploc[k - 1]!;
        svc[k] = b.duration;
        early[k] = b.early;
        late[k] = b.late;
        for (let d = 0; d < dims; d++) load[k * dims + d] = load[(k - 1) * dims + d]!;
      } else {
        ploc[k] = inst.loc[node]!;
        svc[k] = inst.service[node]!;
        early[k] = inst.early[node]!;
        late[k] = inst.late[node]!;
        for (let d = 0; d < dims; d++) {
          load[k * dims + d] = load[(k - 1) * dims + d]! + inst.demand[node * dims + d]!;
        }
      }
    }
    ploc[m + 1] = v.endLoc;
    svc[m + 1] = 0;
    early[m + 1] = v.shiftStart;
    late[m + 1] = v.shiftEnd;
    for (let d = 0; d < dims; d++) load[(m + 1) * dims + d] = 0;
    E[0] = v.shiftStart;
    for (let k = 1; k <= m + 1; k++) {
      const a = E[k - 1]! + svc[k - 1]! + time[ploc[k - 1]! * nLoc + ploc[k]!]!;
      E[k] = Math.max(a, early[k]!);
    }
    Lt[m + 1] = late[m + 1]!;
    for (let k = m; k >= 0; k--) {
      const x = Lt[k + 1]! - svc[k]! - time[ploc[k]! * nLoc + ploc[k + 1]!]!;
      Lt[k] = Math.min(x, late[k]!);
    }
  }

  private grow(size: number, dims: number): void {
    this.E = new Float64Array(size);
    this.Lt = new Float64Array(size);
    this.ploc = new Int32Array(size);
    this.svc = new Float64Array(size);
    this.early = new Float64Array(size);
    this.load = new Float64Array(size * dims);
    this.late = new Float64Array(size);
  }
}

export interface InsertionResult {
  delta: number;
  i: number;
  j: number;
}

/** Builds `nodes` with request r's pick-up after position i and drop-off after position j into `out`. */
export function buildInsertion(
  nodes: readonly number[],
  r: number,
  i: number,
  j: number,
  out: Int32Array,
): number {
  let w = 0;
  for (let k = 0; k < nodes.length; k++) {
    if (k === i) out[w++] = 2 * r;
    if (k === j) out[w++] = 2 * r + 1;
    out[w++] = nodes[k]!;
  }
  if (i === nodes.length) out[w++] = 2 * r;
  if (j === nodes.length) out[w++] = 2 * r + 1;
  return w;
}

const candDelta = new Float64Array(4096);
const candI = new Int32Array(4096);
const candJ = new Int32Array(4096);
/** Exact checks done by selection before switching to one sort. */
const SELECT_TRIES = 8;

/**
 * Cheapest feasible insertion of request r into the cached run, written to `res`
 * (delta = +Infinity when none). Candidates are screened with time-window, capacity and
 * ride-time lower bounds; when the run needs an exact check, survivors are checked in order
 * of cost until one passes. Hot loop: kept in one function on purpose.
 */
export function bestInsertion(
  ctx: SearchContext,
  c: RouteCache,
  r: number,
  res: InsertionResult,
): void {
  res.delta = Number.POSITIVE_INFINITY;
  res.i = -1;
  res.j = -1;
  const inst = ctx.inst;
  const { time, dist, nLoc, dims, demand } = inst;
  const p = 2 * r;
  const lp = inst.loc[p]!;
  const ld = inst.loc[p + 1]!;
  const ep = inst.early[p]!;
  const latP = inst.late[p]!;
  const ed = inst.early[p + 1]!;
  const latD = inst.late[p + 1]!;
  const sp = inst.service[p]!;
  const sd = inst.service[p + 1]!;
  const maxRide = inst.maxRide[r]!;
  const tpd = time[lp * nLoc + ld]!;
  const { E, Lt, ploc, svc, early, load, m, capMax } = c;
  const full = ctx.needsFullCheck[c.v.index] === 1 || c.hasBreaks;
  const perDist = ctx.costMode ? c.v.perDistance : 1;
  let nc = 0;
  for (let i = 0; i <= m; i++) {
    if (E[i]! > latP) break;
    const li = ploc[i]!;
    const arrP = E[i]! + svc[i]! + time[li * nLoc + lp]!;
    const Bp = Math.max(arrP, ep);
    if (Bp > latP) continue;
    let capOk = true;
    for (let d = 0; d < dims; d++)
      if (load[i * dims + d]! + demand[p * dims + d]! > capMax[d]! + 1e-9) capOk = false;
    if (!capOk) continue;
    const ln = ploc[i + 1]!;
    const dI = dist[li * nLoc + lp]! - dist[li * nLoc + ln]!;
    // Drop-off straight after the pick-up.
    const arrD0 = Bp + sp + tpd;
    const Bd0 = Math.max(arrD0, ed);
    if (Bd0 <= latD && tpd <= maxRide + 1e-9) {
      const arrN = Bd0 + sd + time[ld * nLoc + ln]!;
      const Bn = Math.max(arrN, early[i + 1]!);
      if (Bn <= Lt[i + 1]! + 1e-9 && nc < candDelta.length) {
        candDelta[nc] = perDist * (dI + dist[lp * nLoc + ld]! + dist[ld * nLoc + ln]!);
        candI[nc] = i;
        candJ[nc++] = i;
      }
    }
    if (i === m) continue;
    // Drop-off after a later position j: propagate the pick-up's delay along the segment.
    const dP = dI + dist[lp * nLoc + ln]!;
    let arr = Bp + sp + time[lp * nLoc + ln]!;
    let Bk = Math.max(arr, early[i + 1]!);
    if (Bk > Lt[i + 1]! + 1e-9) continue;
    let ride = time[lp * nLoc + ln]!;
    for (let j = i + 1; j <= m; j++) {
      let over = false;
      for (let d = 0; d < dims; d++)
        if (load[j * dims + d]! + demand[p * dims + d]! > capMax[d]! + 1e-9) over = true;
      if (over) break;
      const lj = ploc[j]!;
      const lnext = ploc[j + 1]!;
      const rideD = ride + svc[j]! + time[lj * nLoc + ld]!;
      if (rideD <= maxRide + 1e-9) {
        const arrD = Bk + svc[j]! + time[lj * nLoc + ld]!;
        const Bd = Math.max(arrD, ed);
        if (Bd <= latD) {
          const arrN = Bd + sd + time[ld * nLoc + lnext]!;
          const Bn = Math.max(arrN, early[j + 1]!);
          if (Bn <= Lt[j + 1]! + 1e-9 && nc < candDelta.length) {
            candDelta[nc] =
              perDist *
              (dP + dist[lj * nLoc + ld]! + dist[ld * nLoc + lnext]! - dist[lj * nLoc + lnext]!);
            candI[nc] = i;
            candJ[nc++] = j;
          }
        }
      }
      ride += svc[j]! + time[lj * nLoc + lnext]!;
      if (ride > maxRide + 1e-9 || j === m) break;
      arr = Bk + svc[j]! + time[lj * nLoc + lnext]!;
      Bk = Math.max(arr, early[j + 1]!);
      if (Bk > Lt[j + 1]! + 1e-9) break;
    }
  }
  if (nc === 0) return;
  // An empty run costs nothing, so opening it also pays its fixed cost and the depot-to-depot leg.
  const fixed =
    m === 0
      ? (ctx.costMode ? c.v.fixed : 0) + perDist * dist[c.v.startLoc * nLoc + c.v.endLoc]!
      : 0;
  if (!full) {
    let best = 0;
    for (let k = 1; k < nc; k++) if (candDelta[k]! < candDelta[best]!) best = k;
    res.delta = candDelta[best]! + fixed + (ctx.costMode ? c.v.perTrip : 0);
    res.i = candI[best]!;
    res.j = candJ[best]!;
    return;
  }
  // Check candidates cheapest first; usually the first passes, so select instead of sorting.
  const scratch = ctx.scratch;
  let sorted: number[] | undefined;
  for (let tries = 0; tries < nc; tries++) {
    let k = -1;
    if (tries < SELECT_TRIES) {
      for (let x = 0; x < nc; x++)
        if (candDelta[x]! < Number.POSITIVE_INFINITY && (k < 0 || candDelta[x]! < candDelta[k]!))
          k = x;
    } else {
      // Many candidates failed the exact check: sort the rest once instead of O(nc) per try.
      sorted ??= Array.from({ length: nc }, (_, x) => x)
        .filter((x) => candDelta[x]! < Number.POSITIVE_INFINITY)
        .sort((a, b) => candDelta[b]! - candDelta[a]! || b - a);
      k = sorted.pop() ?? -1;
    }
    if (k < 0) return;
    const approx = candDelta[k]!;
    candDelta[k] = Number.POSITIVE_INFINITY;
    const len = buildInsertion(c.nodes, r, candI[k]!, candJ[k]!, scratch);
    if (!ctx.feasible(c.v, scratch, len)) continue;
    res.i = candI[k]!;
    res.j = candJ[k]!;
    if (ctx.costMode) {
      const s = ctx.scheduler;
      const d = ctx.distanceOf(c.v, scratch, len);
      const trips = tripsOn(ctx.inst.n, scratch, len);
      res.delta = ctx.runCost(c.v, d, s.endTime - s.startTime, false, trips) - c.cost;
    } else {
      res.delta = approx + fixed;
    }
    return;
  }
}
