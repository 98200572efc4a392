import type { CompiledVehicle, Instance } from "../instance";
import { Scheduler } from "../schedule";
import { placeBreaks } from "./breaks";

/**
 * Shared read-mostly state for one solve: the compiled instance, the scheduler, scratch buffers
 * and the per-route cost function matching the problem's objective.
 */
export class SearchContext {
  readonly scheduler: Scheduler;
  /** Scratch route buffer for candidate checks. */
  readonly scratch: Int32Array;
  private readonly withBreaks: Int32Array;
  /** Signature per vehicle: identical vehicles share one, so only one empty one is tried. */
  readonly vehicleClass: Int32Array;
  readonly costMode: boolean;
  /** Vehicles needing a full schedule check for every candidate (ride times, durations, …). */
  readonly needsFullCheck: Uint8Array;
  /** Requests that are door-through-door or have incompatibilities. */
  readonly sharingRequest: Uint8Array;
  private readonly onBoard: Int32Array;
  /** Largest matrix distance and the planning horizon: scales for noise and relatedness. */
  readonly maxDistance: number;
  readonly horizon: number;
  /** Runs tried per request by the repair (0 = every run); set by solve() for large fleets. */
  granularRoutes = 0;

  constructor(readonly inst: Instance) {
    this.scheduler = new Scheduler(inst);
    this.scratch = new Int32Array(2 * inst.n + inst.breaks.length + 2);
    this.withBreaks = new Int32Array(2 * inst.n + inst.breaks.length + 2);
    this.costMode = inst.problem.objective === "cost";
    const classes = new Map<string, number>();
    this.vehicleClass = Int32Array.from(inst.vehicles, (v) => {
      const { id: _id, ...rest } = v.vehicle;
      const key = JSON.stringify(rest);
      const c = classes.get(key) ?? classes.size;
      classes.set(key, c);
      return c;
    });
    this.needsFullCheck = Uint8Array.from(inst.vehicles, (v) =>
      inst.hasRideLimits ||
      v.maxDuration !== Number.POSITIVE_INFINITY ||
      inst.hasSharingRules ||
      v.layouts.length > 1 ||
      v.breakNodes.length > 0 ||
      (this.costMode && v.perMinute > 0)
        ? 1
        : 0,
    );
    this.sharingRequest = Uint8Array.from({ length: inst.n }, (_, r) =>
      inst.doorThroughDoor[r] === 1 || inst.incompatible[r] !== null ? 1 : 0,
    );
    this.onBoard = new Int32Array(inst.n).fill(0);
    this.maxDistance = inst.maxDistance;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of inst.vehicles) {
      lo = Math.min(lo, v.shiftStart);
      hi = Math.max(hi, v.shiftEnd);
    }
    this.horizon = Number.isFinite(hi - lo) ? hi - lo : 1440;
  }

  distanceOf(v: CompiledVehicle, nodes: ArrayLike<number>, len: number): number {
    const { dist, nLoc, loc } = this.inst;
    const twoN = 2 * this.inst.n;
    let prev = v.startLoc;
    let d = 0;
    for (let k = 0; k < len; k++) {
      const node = nodes[k]!;
      if (node >= twoN) continue;
      const l = loc[node]!;
      d += dist[prev * nLoc + l]!;
      prev = l;
    }
    return d + dist[prev * nLoc + v.endLoc]!;
  }

  /** Cost of a run under the objective; `duration` and `trips` only matter in cost mode. */
  runCost(
    v: CompiledVehicle,
    distance: number,
    duration: number,
    empty: boolean,
    trips = 0,
  ): number {
    if (empty) return 0;
    if (!this.costMode) return distance;
    return v.fixed + v.perDistance * distance + v.perMinute * duration + v.perTrip * trips;
  }

  /** Full feasibility check of a run (placing drivers' breaks); leaves its schedule in `scheduler`. */
  feasible(v: CompiledVehicle, nodes: ArrayLike<number>, len: number): boolean {
    if (!this.capacityOk(v, nodes, len)) return false;
    if (this.inst.hasSharingRules && !this.sharingOk(nodes, len)) return false;
    if (v.breakNodes.length === 0) return this.scheduler.run(v, nodes, len, true);
    return placeBreaks(this.inst, this.scheduler, v, nodes, len, this.withBreaks, true) >= 0;
  }

  /** The run with its drivers' breaks placed (as for the feasibility check), for reporting. */
  runWithBreaks(v: CompiledVehicle, nodes: readonly number[]): number[] {
    if (v.breakNodes.length === 0) return nodes.slice();
    const len = placeBreaks(
      this.inst,
      this.scheduler,
      v,
      nodes,
      nodes.length,
      this.withBreaks,
      true,
    );
    return len < 0 ? nodes.slice() : Array.from(this.withBreaks.subarray(0, len));
  }

  /** Some layout holds the peak load of every dimension. */
  capacityOk(v: CompiledVehicle, nodes: ArrayLike<number>, len: number): boolean {
    const { dims, demand, n } = this.inst;
    const load = new Float64Array(dims);
    const peak = new Float64Array(dims);
    for (let k = 0; k < len; k++) {
      const node = nodes[k]!;
      if (node >= 2 * n) continue;
      for (let d = 0; d < dims; d++) {
        const x = load[d]! + demand[node * dims + d]!;
        load[d] = x;
        if (x > peak[d]!) peak[d] = x;
      }
    }
    return layoutFor(v, peak) >= 0;
  }

  /** Incompatible passengers never on board together; door-through-door passengers travel alone at their stops. */
  sharingOk(nodes: ArrayLike<number>, len: number): boolean {
    const inst = this.inst;
    const onBoard = this.onBoard;
    let count = 0;
    let ok = true;
    for (let k = 0; k < len && ok; k++) {
      const node = nodes[k]!;
      if (node >= 2 * inst.n) continue;
      const r = node >> 1;
      if ((node & 1) === 0) {
        if (inst.doorThroughDoor[r] === 1 && count > 0) ok = false;
        const inc = inst.incompatible[r];
        if (inc) for (let x = 0; x < inc.length; x++) if (onBoard[inc[x]!] === 1) ok = false;
        if (!ok) break;
        onBoard[r] = 1;
        count++;
      } else {
        if (onBoard[r] === 1) count--;
        onBoard[r] = 0;
        if (inst.doorThroughDoor[r] === 1 && count > 0) ok = false;
      }
    }
    for (let k = 0; k < len; k++) {
      const node = nodes[k]!;
      if (node < 2 * inst.n) onBoard[node >> 1] = 0;
    }
    return ok;
  }
}

/** Index of the first layout holding `peak`, or -1. */
export function layoutFor(v: CompiledVehicle, peak: ArrayLike<number>): number {
  for (let i = 0; i < v.layouts.length; i++) {
    const cap = v.layouts[i]!;
    let fits = true;
    for (let d = 0; d < cap.length; d++) if (peak[d]! > cap[d]! + 1e-9) fits = false;
    if (fits) return i;
  }
  return -1;
}
