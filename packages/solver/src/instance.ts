import { MANDATORY_PENALTY, type Problem, rideTimeLimit, type Vehicle } from "./problem";

/**
 * The compiled, read-only form of a `Problem` used by the hot loops: typed arrays indexed by node.
 * Node 2r is request r's pick-up and 2r+1 its drop-off. Nodes >= 2n are drivers' breaks
 * (see `breaks`); a break happens at the location of the stop before it.
 */
export interface Instance {
  readonly problem: Problem;
  /** Largest entry of the distance matrix. */
  readonly maxDistance: number;
  readonly n: number;
  readonly nLoc: number;
  readonly dims: number;
  readonly time: Float64Array;
  readonly dist: Float64Array;
  readonly loc: Int32Array;
  readonly service: Float64Array;
  /** Time windows, tightened by implied pairing/ride-time bounds (an equivalent reformulation). */
  readonly early: Float64Array;
  readonly late: Float64Array;
  /** demand[node * dims + d]: +load at pick-ups, -load at drop-offs. */
  readonly demand: Float64Array;
  readonly maxRide: Float64Array;
  readonly penalty: Float64Array;
  readonly hasRideLimits: boolean;
  readonly vehicles: readonly CompiledVehicle[];
  /** allowed[r * V + v] = 1 when vehicle v has the features and assistant request r needs. */
  readonly allowed: Uint8Array;
  /** Index of the linked request, or -1. */
  readonly linked: Int32Array;
  /** Requests that may not share a vehicle with request r (symmetric), or null. */
  readonly incompatible: readonly (Int32Array | null)[];
  readonly doorThroughDoor: Uint8Array;
  /** True when any request is door-through-door or has incompatibilities. */
  readonly hasSharingRules: boolean;
  readonly breaks: readonly CompiledBreak[];
  readonly requestIndex: ReadonlyMap<string, number>;
  readonly vehicleIndex: ReadonlyMap<string, number>;
}

export interface CompiledVehicle {
  readonly index: number;
  readonly vehicle: Vehicle;
  readonly startLoc: number;
  readonly endLoc: number;
  readonly shiftStart: number;
  readonly shiftEnd: number;
  readonly maxDuration: number;
  readonly layouts: readonly Float64Array[];
  readonly fixed: number;
  readonly perDistance: number;
  readonly perMinute: number;
  /** Cost per request carried. */
  readonly perTrip: number;
  /** Node ids of this vehicle's breaks. */
  readonly breakNodes: readonly number[];
}

export interface CompiledBreak {
  readonly node: number;
  readonly vehicle: number;
  readonly id: string;
  readonly duration: number;
  readonly early: number;
  readonly late: number;
  readonly maxDrivingBefore: number;
}

const INF = Number.POSITIVE_INFINITY;

export function compileInstance(problem: Problem): Instance {
  const compiled = instanceCache.get(problem);
  if (compiled) return compiled;
  const made = compileFresh(problem);
  instanceCache.set(problem, made);
  return made;
}

/**
 * Compiled instances, cached per Problem object as the matrices are: checking several changes to
 * one plan (a planner's overrides, a booking desk's insertions) compiles its Problem once. Problem
 * data and instances are treated as immutable.
 */
const instanceCache = new WeakMap<Problem, Instance>();

function compileFresh(problem: Problem): Instance {
  const n = problem.requests.length;
  const nLoc = problem.locations.length;
  const dims = problem.dimensions.length;
  const { time, dist, maxDistance } = flatMatrices(problem, nLoc);
  const requestIndex = new Map(problem.requests.map((r, i) => [r.id, i]));
  const vehicleIndex = new Map(problem.vehicles.map((v, i) => [v.id, i]));
  const loc = new Int32Array(2 * n);
  const service = new Float64Array(2 * n);
  const early = new Float64Array(2 * n);
  const late = new Float64Array(2 * n);
  const demand = new Float64Array(2 * n * dims);
  const maxRide = new Float64Array(n);
  const penalty = new Float64Array(n);
  const linked = new Int32Array(n).fill(-1);
  const doorThroughDoor = new Uint8Array(n);
  let hasRideLimits = false;
  problem.requests.forEach((r, i) => {
    const p = 2 * i;
    const d = p + 1;
    loc[p] = r.pickup.location;
    loc[d] = r.dropoff.location;
    service[p] = r.pickup.service;
    service[d] = r.dropoff.service;
    for (let k = 0; k < dims; k++) {
      demand[p * dims + k] = r.load[k] ?? 0;
      demand[d * dims + k] = -(r.load[k] ?? 0);
    }
    maxRide[i] = rideTimeLimit(problem, r);
    if (maxRide[i] !== INF) hasRideLimits = true;
    penalty[i] = r.penalty ?? MANDATORY_PENALTY;
    linked[i] = r.linkedRequest === undefined ? -1 : (requestIndex.get(r.linkedRequest) ?? -1);
    doorThroughDoor[i] = r.doorThroughDoor ? 1 : 0;
    tightenWindows(
      i,
      r.pickup.window,
      r.dropoff.window,
      time[r.pickup.location * nLoc + r.dropoff.location] ?? 0,
    );
  });
  function tightenWindows(
    i: number,
    wp: readonly [number, number],
    wd: readonly [number, number],
    direct: number,
  ): void {
    const sp = service[2 * i]!;
    const L = maxRide[i]!;
    const ep = Math.max(wp[0], wd[0] - L - sp);
    const lp = Math.min(wp[1], wd[1] - direct - sp);
    const ed = Math.max(wd[0], wp[0] + sp + direct);
    const ld = Math.min(wd[1], wp[1] + sp + L);
    const ok = ep <= lp && ed <= ld;
    early[2 * i] = ok ? ep : wp[0];
    late[2 * i] = ok ? lp : wp[1];
    early[2 * i + 1] = ok ? ed : wd[0];
    late[2 * i + 1] = ok ? ld : wd[1];
  }
  // A link binds both legs, whichever of them names the other.
  for (let i = 0; i < n; i++) {
    const other = linked[i]!;
    if (other >= 0 && linked[other] === -1) linked[other] = i;
  }
  const { vehicles, breaks } = compileVehicles(problem, n, dims);
  const allowed = compileAllowed(problem);
  const incompatible = compileIncompatible(problem, requestIndex);
  const hasSharingRules =
    doorThroughDoor.some((x) => x === 1) || incompatible.some((x) => x !== null);
  return {
    problem,
    maxDistance,
    n,
    nLoc,
    dims,
    time,
    dist,
    loc,
    service,
    early,
    late,
    demand,
    maxRide,
    penalty,
    hasRideLimits,
    vehicles,
    allowed,
    linked,
    incompatible,
    doorThroughDoor,
    hasSharingRules,
    breaks,
    requestIndex,
    vehicleIndex,
  };
}

/**
 * Flattened matrices, cached per matrices object: repeated calls on the same problem data (e.g.
 * same-day bookings) skip the copy. Problem data are treated as immutable.
 */
const matrixCache = new WeakMap<
  object,
  { time: Float64Array; dist: Float64Array; maxDistance: number }
>();

function flatMatrices(problem: Problem, nLoc: number) {
  const hit = matrixCache.get(problem.matrices);
  if (hit && hit.time.length === nLoc * nLoc) return hit;
  const time = flatten(problem.matrices.time, nLoc);
  const dist = flatten(problem.matrices.distance, nLoc);
  let maxDistance = 0;
  for (let k = 0; k < dist.length; k++) if (dist[k]! > maxDistance) maxDistance = dist[k]!;
  const entry = { time, dist, maxDistance };
  matrixCache.set(problem.matrices, entry);
  return entry;
}

function flatten(m: readonly (readonly number[])[], n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const row = m[a];
    if (row) for (let b = 0; b < n; b++) out[a * n + b] = row[b] ?? 0;
  }
  return out;
}

function compileVehicles(problem: Problem, n: number, dims: number) {
  const breaks: CompiledBreak[] = [];
  const vehicles = problem.vehicles.map((v, index): CompiledVehicle => {
    const breakNodes: number[] = [];
    for (const b of v.breaks ?? []) {
      const node = 2 * n + breaks.length;
      breakNodes.push(node);
      breaks.push({
        node,
        vehicle: index,
        id: b.id,
        duration: b.duration,
        early: b.window?.[0] ?? -INF,
        late: b.window?.[1] ?? INF,
        maxDrivingBefore: b.maxDrivingBefore ?? INF,
      });
    }
    return {
      index,
      vehicle: v,
      startLoc: v.start,
      endLoc: v.end,
      shiftStart: v.shift[0],
      shiftEnd: v.shift[1],
      maxDuration: v.maxDuration ?? INF,
      layouts: v.layouts.map((l) => Float64Array.from({ length: dims }, (_, k) => l[k] ?? 0)),
      fixed: v.costs.fixed,
      perDistance: v.costs.perDistance,
      perMinute: v.costs.perHour / 60,
      perTrip: v.costs.perTrip ?? 0,
      breakNodes,
    };
  });
  return { vehicles, breaks };
}

function compileAllowed(problem: Problem): Uint8Array {
  const V = problem.vehicles.length;
  const out = new Uint8Array(problem.requests.length * V);
  const feats = problem.vehicles.map((v) => new Set(v.features ?? []));
  problem.requests.forEach((r, i) => {
    problem.vehicles.forEach((v, j) => {
      const has = feats[j]!;
      const ok =
        (r.features ?? []).every((f) => has.has(f)) &&
        (!r.needsAssistant || v.hasAssistant === true);
      const fits = ok && v.layouts.some((l) => r.load.every((q, k) => q <= (l[k] ?? 0)));
      out[i * V + j] = fits ? 1 : 0;
    });
  });
  return out;
}

function compileIncompatible(
  problem: Problem,
  index: ReadonlyMap<string, number>,
): (Int32Array | null)[] {
  const sets: Set<number>[] = problem.requests.map(() => new Set<number>());
  const byGroup = new Map<string, number[]>();
  problem.requests.forEach((r, i) => {
    for (const g of r.groups ?? []) {
      const members = byGroup.get(g);
      if (members) members.push(i);
      else byGroup.set(g, [i]);
    }
  });
  problem.requests.forEach((r, i) => {
    for (const id of r.incompatibleWith ?? []) {
      const j = index.get(id);
      if (j !== undefined && j !== i) {
        sets[i]!.add(j);
        sets[j]!.add(i);
      }
    }
    for (const g of r.incompatibleGroups ?? []) {
      for (const j of byGroup.get(g) ?? []) {
        if (j !== i) {
          sets[i]!.add(j);
          sets[j]!.add(i);
        }
      }
    }
  });
  return sets.map((s) => (s.size === 0 ? null : Int32Array.from([...s].sort((a, b) => a - b))));
}
