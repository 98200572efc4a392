import type { CompiledVehicle, Instance } from "./instance";

/**
 * Scheduling of one run with the eight-step forward-time-slack method of Cordeau & Laporte (2003):
 * leave as early as possible, then delay the departure and each pick-up by as much as the forward
 * slack allows, which shortens waiting with passengers on board and so ride times.
 *
 * Positions 0..m+1: 0 = start depot, 1..m = the route's nodes, m+1 = end depot.
 * The scratch arrays are reused between calls; hot loops here exceed the 40-line guideline because
 * splitting them would cost allocations and calls in the innermost evaluation of the search.
 */
export class Scheduler {
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly W: Float64Array;
  readonly D: Float64Array;
  readonly e: Float64Array;
  readonly l: Float64Array;
  readonly s: Float64Array;
  readonly t: Float64Array;
  readonly ploc: Int32Array;
  /** Position of the pick-up of the request dropped at position k, or -1. */
  readonly pickPos: Int32Array;
  private readonly posOfPick: Int32Array;
  private readonly edgeFrom: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly edgeW: Float64Array;
  private readonly dist: Float64Array;
  /** Start of the run (departure from the depot) and its end (arrival at the end depot). */
  startTime = 0;
  endTime = 0;

  constructor(private readonly inst: Instance) {
    const size = 2 * inst.n + inst.breaks.length + 2;
    this.A = new Float64Array(size);
    this.B = new Float64Array(size);
    this.W = new Float64Array(size);
    this.D = new Float64Array(size);
    this.e = new Float64Array(size);
    this.l = new Float64Array(size);
    this.s = new Float64Array(size);
    this.t = new Float64Array(size);
    this.ploc = new Int32Array(size);
    this.pickPos = new Int32Array(size);
    this.posOfPick = new Int32Array(inst.n).fill(-1);
    this.edgeFrom = new Int32Array(4 * size + 1);
    this.edgeTo = new Int32Array(4 * size + 1);
    this.edgeW = new Float64Array(4 * size + 1);
    this.dist = new Float64Array(size + 1);
  }

  /** Fills the position arrays for a route. Returns q, the index of the end depot. */
  private load(v: CompiledVehicle, nodes: ArrayLike<number>, len: number): number {
    const inst = this.inst;
    const twoN = 2 * inst.n;
    const { e, l, s, t, ploc, pickPos, posOfPick } = this;
    ploc[0] = v.startLoc;
    e[0] = v.shiftStart;
    l[0] = v.shiftEnd;
    s[0] = 0;
    pickPos[0] = -1;
    for (let k = 1; k <= len; k++) {
      const node = nodes[k - 1]!;
      pickPos[k] = -1;
      if (node >= twoN) {
        const b = inst.breaks[node - twoN]!;
        ploc[k] = ploc[k - 1]!;
        e[k] = b.early;
        l[k] = b.late;
        s[k] = b.duration;
      } else {
        ploc[k] = inst.loc[node]!;
        e[k] = inst.early[node]!;
        l[k] = inst.late[node]!;
        s[k] = inst.service[node]!;
        const r = node >> 1;
        if ((node & 1) === 0) posOfPick[r] = k;
        else pickPos[k] = posOfPick[r]!;
      }
      t[k] = inst.time[ploc[k - 1]! * inst.nLoc + ploc[k]!]!;
    }
    const q = len + 1;
    ploc[q] = v.endLoc;
    e[q] = v.shiftStart;
    l[q] = v.shiftEnd;
    s[q] = 0;
    pickPos[q] = -1;
    t[q] = inst.time[ploc[len]! * inst.nLoc + v.endLoc]!;
    return q;
  }

  private forward(from: number, q: number): void {
    const { A, B, W, D, e, s, t } = this;
    for (let k = from; k <= q; k++) {
      const a = D[k - 1]! + t[k]!;
      const b = Math.max(a, e[k]!);
      A[k] = a;
      B[k] = b;
      W[k] = b - a;
      D[k] = b + s[k]!;
    }
  }

  /** Forward slack at position j (Cordeau & Laporte), bounded by ride-time limits of passengers on board. */
  private slack(j: number, q: number, nodes: ArrayLike<number>): number {
    const { B, W, l, pickPos, D } = this;
    const inst = this.inst;
    let best = Number.POSITIVE_INFINITY;
    let sumW = 0;
    for (let i = j; i <= q; i++) {
      if (i > j) sumW += W[i]!;
      let room = l[i]! - B[i]!;
      const pp = pickPos[i]!;
      if (pp >= 0 && pp < j) {
        const r = nodes[i - 1]! >> 1;
        const rideRoom = inst.maxRide[r]! - (B[i]! - D[pp]!);
        if (rideRoom < room) room = rideRoom;
      }
      const f = sumW + Math.max(room, 0);
      if (f < best) best = f;
    }
    return best;
  }

  /**
   * Computes the schedule. With `strict`, returns false as soon as the run is found infeasible;
   * otherwise completes a schedule (with lateness) for reporting and returns its feasibility.
   */
  run(v: CompiledVehicle, nodes: ArrayLike<number>, len: number, strict: boolean): boolean {
    const q = this.load(v, nodes, len);
    const { A, B, W, D, e, l } = this;
    const inst = this.inst;
    A[0] = e[0]!;
    B[0] = e[0]!;
    W[0] = 0;
    D[0] = e[0]!;
    this.forward(1, q);
    // Earliest start times are lower bounds: lateness here means no schedule exists.
    let earliestOk = true;
    for (let k = 1; k <= q; k++) if (B[k]! > l[k]! + 1e-9) earliestOk = false;
    if (strict && !earliestOk) return this.clear(len, nodes, false);
    let waitInner = 0;
    for (let k = 1; k < q; k++) waitInner += W[k]!;
    const f0 = this.slack(0, q, nodes);
    D[0] = e[0]! + Math.min(f0, waitInner);
    B[0] = D[0]!;
    A[0] = D[0]!;
    this.forward(1, q);
    if (inst.hasRideLimits && !this.ridesOk(q, nodes)) {
      for (let j = 1; j < q; j++) {
        const node = nodes[j - 1]!;
        if (node >= 2 * inst.n || (node & 1) === 1) continue;
        const fj = this.slack(j, q, nodes);
        let wAfter = 0;
        for (let p = j + 1; p < q; p++) wAfter += W[p]!;
        const delay = Math.min(fj, wAfter);
        if (delay > 0) {
          W[j] = W[j]! + delay;
          B[j] = A[j]! + W[j]!;
          D[j] = B[j]! + this.s[j]!;
          this.forward(j + 1, q);
        }
      }
    }
    let ok = B[q]! - D[0]! <= v.maxDuration + 1e-9 && this.ridesOk(q, nodes);
    for (let k = 1; ok && k <= q; k++) if (B[k]! > l[k]! + 1e-9) ok = false;
    // The exact check is too slow for the search's hot loop (and measured to rescue no candidate on
    // the DARP benchmarks); reports use it so a feasible plan is never reported as violating.
    if (!ok && earliestOk && !strict) ok = this.exact(v, q, nodes);
    this.startTime = D[0]!;
    this.endTime = B[q]!;
    if (ok && inst.breaks.length > 0) ok = this.drivingOk(q, nodes);
    return this.clear(len, nodes, ok);
  }

  /**
   * Exact feasibility when the eight-step heuristic fails: the schedule is a system of difference
   * constraints (precedence, windows, ride times, duration), solved by Bellman-Ford from a source.
   * On success the latest feasible schedule is written to A, B, W, D.
   */
  private exact(v: CompiledVehicle, q: number, nodes: ArrayLike<number>): boolean {
    const { A, B, W, D, e, l, s, t, pickPos } = this;
    const src = q + 1;
    const from = this.edgeFrom;
    const to = this.edgeTo;
    const w = this.edgeW;
    let m = 0;
    const edge = (a: number, b: number, weight: number): void => {
      from[m] = a;
      to[m] = b;
      w[m++] = weight;
    };
    for (let k = 0; k <= q; k++) {
      edge(src, k, l[k]!);
      edge(k, src, -e[k]!);
      if (k > 0) edge(k, k - 1, -(s[k - 1]! + t[k]!));
      const pp = pickPos[k]!;
      if (pp >= 0) edge(pp, k, this.inst.maxRide[nodes[k - 1]! >> 1]! + s[pp]!);
    }
    if (v.maxDuration !== Number.POSITIVE_INFINITY) edge(0, q, v.maxDuration);
    const dist = this.dist;
    dist.fill(Number.POSITIVE_INFINITY, 0, q + 2);
    dist[src] = 0;
    for (let round = 0; round <= q + 1; round++) {
      let changed = false;
      for (let x = 0; x < m; x++) {
        const du = dist[from[x]!]!;
        if (du === Number.POSITIVE_INFINITY) continue;
        const nd = du + w[x]!;
        if (nd < dist[to[x]!]! - 1e-9) {
          dist[to[x]!] = nd;
          changed = true;
        }
      }
      if (!changed) {
        B[0] = dist[0]!;
        A[0] = B[0]!;
        W[0] = 0;
        D[0] = B[0]!;
        for (let k = 1; k <= q; k++) {
          B[k] = dist[k]!;
          A[k] = D[k - 1]! + t[k]!;
          W[k] = B[k]! - A[k]!;
          D[k] = B[k]! + s[k]!;
        }
        Scheduler.exactRescues++;
        return true;
      }
    }
    return false;
  }

  static exactRescues = 0;

  private ridesOk(q: number, nodes: ArrayLike<number>): boolean {
    const { B, D, pickPos } = this;
    const maxRide = this.inst.maxRide;
    for (let i = 1; i < q; i++) {
      const pp = pickPos[i]!;
      if (pp < 0) continue;
      if (B[i]! - D[pp]! > maxRide[nodes[i - 1]! >> 1]! + 1e-9) return false;
    }
    return true;
  }

  /** Driving time between breaks must respect each break's `maxDrivingBefore`. */
  private drivingOk(q: number, nodes: ArrayLike<number>): boolean {
    const inst = this.inst;
    const twoN = 2 * inst.n;
    let limit = Number.POSITIVE_INFINITY;
    for (let k = 1; k < q; k++) {
      const node = nodes[k - 1]!;
      if (node >= twoN) limit = Math.min(limit, inst.breaks[node - twoN]!.maxDrivingBefore);
    }
    if (limit === Number.POSITIVE_INFINITY) return true;
    let driving = 0;
    for (let k = 1; k <= q; k++) {
      driving += this.t[k]!;
      if (driving > limit + 1e-9) return false;
      const node = k < q ? nodes[k - 1]! : -1;
      if (node >= twoN) driving = 0;
    }
    return true;
  }

  private clear(len: number, nodes: ArrayLike<number>, result: boolean): boolean {
    for (let k = 0; k < len; k++) {
      const node = nodes[k]!;
      if (node < 2 * this.inst.n && (node & 1) === 0) this.posOfPick[node >> 1] = -1;
    }
    return result;
  }
}
