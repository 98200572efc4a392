import { getEmissionFactor } from "@tt/domain";
import {
  MANDATORY_PENALTY,
  type Problem,
  type Request,
  type Run,
  type Solution,
  type UnassignedReason,
} from "@tt/solver";
import type { PlanMetrics, VehicleTag } from "./types";

/** One served request as the plan carries it. Minutes and km. */
interface Ride {
  readonly request: Request;
  /** Index of the run that carries it. */
  readonly run: number;
  /** Start of service at the drop-off minus departure from the pick-up, as evaluate() measures it. */
  readonly minutes: number;
  readonly directMinutes: number;
  /** Passengers (the sum of the load vector) × direct distance. */
  readonly passengerKm: number;
}

/**
 * Indicators of one plan. Ride time is measured as the solver's ride-time constraint does: start
 * of service at the drop-off minus departure from the pick-up; direct time and distance come from
 * the problem's matrices; a request's passengers are the sum of its load vector.
 *
 * With `only`, request indicators (requests, served, unassigned, passenger-km, ride times and
 * ratios, unserved penalties in the objective) count those request ids alone, and vehicle
 * indicators (vehicles, cost, vehicle-km, vehicle-hours, CO2e) are attributed: each run is split
 * between its requests by their share of its passenger-km (by head count when its passenger-km is
 * 0). A funder thus carries a fraction of a shared vehicle, and the attributed indicators of a
 * partition of the requests add up to the whole plan's. Vehicles are counted when they carry
 * at least one request. CO2e is vehicle-km × the class factor (DESNZ, @tt/domain), or the tag's
 * measured g/km when it has one. Ride ratios skip requests whose direct time is 0.
 *
 * `trips` says how many trip requests a request stands for (identical trips planned as one,
 * `groupIdenticalTrips`; 1 by default): requests, served and unassigned count trips, and mean ride
 * times and ratios are per trip.
 */
export function planMetrics(
  problem: Problem,
  solution: Solution,
  vehicles: Readonly<Record<string, VehicleTag>>,
  only?: ReadonlySet<string>,
  trips: (id: string) => number = () => 1,
): PlanMetrics {
  const included = (id: string) => !only || only.has(id);
  const rides = ridesOf(problem, solution);
  const mine = [...rides.values()].filter((r) => included(r.request.id));
  const runs = vehicleTotals(solution, runWeights(solution, rides, only), vehicles);
  const requests = problem.requests.filter((r) => included(r.id));
  const unassigned = solution.unassigned.filter((u) => included(u.request));
  const passengerKm = sumOf(mine, (r) => r.passengerKm);
  const penalties = unservedPenalties(
    problem,
    unassigned.map((u) => u.request),
  );
  const weighted = (rides: readonly Ride[], value: (r: Ride) => number) =>
    meanAndMax(
      rides.map(value),
      rides.map((r) => trips(r.request.id)),
    );
  return {
    requests: sumOf(requests, (r) => trips(r.id)),
    served: sumOf(mine, (r) => trips(r.request.id)),
    unassigned: countReasons(
      unassigned.map((u) => ({ reason: u.reason, trips: trips(u.request) })),
    ),
    ...runs,
    objective: runs.cost.total + penalties,
    passengerKm,
    occupancy: runs.vehicleKm > 0 ? passengerKm / runs.vehicleKm : 0,
    rideMinutes: weighted(mine, (r) => r.minutes),
    rideRatio: weighted(
      mine.filter((r) => r.directMinutes > 0),
      (r) => r.minutes / r.directMinutes,
    ),
  };
}

/** The served requests of a plan (picked up and dropped off in one run), by request id. */
function ridesOf(problem: Problem, solution: Solution): Map<string, Ride> {
  const byId = new Map(problem.requests.map((r) => [r.id, r]));
  const out = new Map<string, Ride>();
  solution.runs.forEach((run, index) => {
    const departures = new Map<string, number>();
    for (const stop of run.stops) {
      if (stop.kind === "pickup") departures.set(stop.request, stop.departure);
      if (stop.kind !== "dropoff") continue;
      const request = byId.get(stop.request);
      const departure = departures.get(stop.request);
      if (!request || departure === undefined) {
        throw new Error(
          `planMetrics: run of vehicle ${run.vehicle} drops off ${stop.request} without a known pick-up`,
        );
      }
      out.set(request.id, rideOf(problem, request, index, stop.start - departure));
    }
  });
  return out;
}

function rideOf(problem: Problem, request: Request, run: number, minutes: number): Ride {
  const from = request.pickup.location;
  const to = request.dropoff.location;
  const directMinutes = problem.matrices.time[from]?.[to] ?? 0;
  const directKm = problem.matrices.distance[from]?.[to] ?? 0;
  const passengers = sumOf(request.load, (q) => q);
  return { request, run, minutes, directMinutes, passengerKm: passengers * directKm };
}

/** Share of each run attributed to the `only` requests: 1 for every run that carries a request without `only`. */
function runWeights(
  solution: Solution,
  rides: ReadonlyMap<string, Ride>,
  only: ReadonlySet<string> | undefined,
): number[] {
  const weights: number[] = solution.runs.map(() => 0);
  const pkm = solution.runs.map(() => ({ all: 0, mine: 0, heads: 0, myHeads: 0 }));
  for (const ride of rides.values()) {
    const run = pkm[ride.run]!;
    const mine = !only || only.has(ride.request.id);
    run.all += ride.passengerKm;
    run.heads += 1;
    if (mine) run.mine += ride.passengerKm;
    if (mine) run.myHeads += 1;
  }
  pkm.forEach((run, i) => {
    if (run.heads === 0) weights[i] = only ? 0 : 1;
    else weights[i] = run.all > 0 ? run.mine / run.all : run.myHeads / run.heads;
  });
  return weights;
}

interface VehicleTotals {
  readonly vehiclesUsed: number;
  readonly cost: PlanMetrics["cost"];
  readonly vehicleKm: number;
  readonly vehicleHours: number;
  readonly co2eKg: number;
}

function vehicleTotals(
  solution: Solution,
  weights: readonly number[],
  vehicles: Readonly<Record<string, VehicleTag>>,
): VehicleTotals {
  const t = { vehiclesUsed: 0, fixed: 0, distance: 0, time: 0, km: 0, hours: 0, co2: 0 };
  solution.runs.forEach((run, i) => {
    const w = weights[i] ?? 0;
    if (w === 0) return;
    if (carriesRequest(run)) t.vehiclesUsed += w;
    t.fixed += w * run.cost.fixed;
    t.distance += w * run.cost.distance;
    t.time += w * run.cost.time;
    t.km += w * run.distance;
    t.hours += (w * run.duration) / 60;
    t.co2 += w * run.distance * kgPerKm(run.vehicle, vehicles);
  });
  const total = t.fixed + t.distance + t.time;
  return {
    vehiclesUsed: t.vehiclesUsed,
    cost: { fixed: t.fixed, distance: t.distance, time: t.time, total },
    vehicleKm: t.km,
    vehicleHours: t.hours,
    co2eKg: t.co2,
  };
}

function carriesRequest(run: Run): boolean {
  return run.stops.some((s) => s.kind !== "break");
}

/** kg CO2e per km of a vehicle: its measured g/km if known, else its class factor. */
export function kgPerKm(vehicle: string, vehicles: Readonly<Record<string, VehicleTag>>): number {
  const tag = vehicles[vehicle];
  if (!tag) throw new Error(`planMetrics: vehicle ${vehicle} has no vehicle tag`);
  if (tag.co2GramsPerKm !== undefined) return tag.co2GramsPerKm / 1000;
  return getEmissionFactor(tag.emissionClass).kgCo2ePerKm;
}

/** The penalties the objective charges for these unserved requests (mandatory ones 10^7 each). */
function unservedPenalties(problem: Problem, ids: readonly string[]): number {
  if (ids.length === 0) return 0;
  const penalty = new Map(problem.requests.map((r) => [r.id, r.penalty ?? MANDATORY_PENALTY]));
  return sumOf(ids, (id) => penalty.get(id) ?? MANDATORY_PENALTY);
}

function countReasons(
  items: readonly { reason: UnassignedReason; trips: number }[],
): Partial<Record<UnassignedReason, number>> {
  const out: Partial<Record<UnassignedReason, number>> = {};
  for (const { reason, trips } of items) out[reason] = (out[reason] ?? 0) + trips;
  return out;
}

/** Mean (weighted, 1 each by default) and maximum; 0 and 0 for none. */
function meanAndMax(
  values: readonly number[],
  weights: readonly number[] = values.map(() => 1),
): { mean: number; max: number } {
  if (values.length === 0) return { mean: 0, max: 0 };
  const max = values.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
  let total = 0;
  let weight = 0;
  values.forEach((v, i) => {
    total += v * (weights[i] ?? 1);
    weight += weights[i] ?? 1;
  });
  return { mean: weight > 0 ? total / weight : 0, max };
}

function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

const ZERO: PlanMetrics = {
  requests: 0,
  served: 0,
  unassigned: {},
  vehiclesUsed: 0,
  cost: { fixed: 0, distance: 0, time: 0, total: 0 },
  objective: 0,
  vehicleKm: 0,
  vehicleHours: 0,
  passengerKm: 0,
  occupancy: 0,
  rideMinutes: { mean: 0, max: 0 },
  rideRatio: { mean: 0, max: 0 },
  co2eKg: 0,
};

/**
 * Indicators of several plans taken together (e.g. the silo total): counts, costs, km, hours and
 * CO2e add up; mean ride time and ratio are weighted by served requests; maxima are the largest;
 * occupancy is recomputed as passenger-km / vehicle-km.
 */
export function sumMetrics(list: readonly PlanMetrics[]): PlanMetrics {
  const total = list.reduce(addMetrics, ZERO);
  const weighted = (pick: (m: PlanMetrics) => { mean: number; max: number }) => ({
    mean: total.served > 0 ? sumOf(list, (m) => pick(m).mean * m.served) / total.served : 0,
    max: list.reduce((max, m) => Math.max(max, pick(m).max), 0),
  });
  return {
    ...total,
    occupancy: total.vehicleKm > 0 ? total.passengerKm / total.vehicleKm : 0,
    rideMinutes: weighted((m) => m.rideMinutes),
    rideRatio: weighted((m) => m.rideRatio),
  };
}

function addMetrics(a: PlanMetrics, b: PlanMetrics): PlanMetrics {
  const unassigned: Partial<Record<UnassignedReason, number>> = { ...a.unassigned };
  for (const [reason, count] of Object.entries(b.unassigned) as [UnassignedReason, number][]) {
    unassigned[reason] = (unassigned[reason] ?? 0) + count;
  }
  return {
    ...a,
    requests: a.requests + b.requests,
    served: a.served + b.served,
    unassigned,
    vehiclesUsed: a.vehiclesUsed + b.vehiclesUsed,
    cost: {
      fixed: a.cost.fixed + b.cost.fixed,
      distance: a.cost.distance + b.cost.distance,
      time: a.cost.time + b.cost.time,
      total: a.cost.total + b.cost.total,
    },
    objective: a.objective + b.objective,
    vehicleKm: a.vehicleKm + b.vehicleKm,
    vehicleHours: a.vehicleHours + b.vehicleHours,
    passengerKm: a.passengerKm + b.passengerKm,
    co2eKg: a.co2eKg + b.co2eKg,
  };
}
