import { insert, type Problem, type Request, type Run, type Vehicle } from "@tt/solver";
import { forbiddenPartners, mixRequest, requestTag } from "./mixing-policy";
import type { IntegrationScenario, SolvedPlan } from "./types";

/** One existing run, with what `insert()` needs to test it alone. */
export interface CarrierRun {
  readonly run: Run;
  readonly vehicle: Vehicle;
  /**
   * The run alone as a small problem: its vehicle, its requests (mixing policy applied, return-leg
   * links dropped) and only the locations they use.
   */
  readonly local: CompactProblem;
}

/** The runs of one service in one funder's silo plan: the runs that could carry other trips. */
export interface CarrierRuns {
  /** Funder whose silo plan the runs come from. */
  readonly funder: string;
  readonly runs: readonly CarrierRun[];
  /** The silo problem (for its locations, matrices, dimensions and objective). */
  readonly problem: Problem;
  /** The scenario's mixing policy, as the services each service may not travel with. */
  readonly partners: ReadonlyMap<string, readonly string[]>;
}

/** The trip as a stand-alone booking: no return-leg link, mandatory (so any feasible place wins). */
function standAlone(trip: Request): Request {
  const { linkedRequest: _link, penalty: _penalty, ...rest } = trip;
  return rest;
}

/** The request as `insert()` should see it: stand-alone, mixing policy applied. */
function asTested(
  scenario: IntegrationScenario,
  partners: ReadonlyMap<string, readonly string[]>,
  r: Request,
): Request {
  return mixRequest(standAlone(r), requestTag(scenario.requests, r.id).service, partners);
}

/**
 * For a carrier service, the runs of each silo plan carrying at least one of its requests. Every
 * funder with requests of the service must have a silo plan.
 */
export function carrierRuns(
  scenario: IntegrationScenario,
  silo: Readonly<Record<string, SolvedPlan>>,
  service: string,
): CarrierRuns[] {
  const partners = forbiddenPartners(scenario.mixing);
  const funders = new Set<string>();
  for (const r of scenario.problem.requests) {
    const tag = requestTag(scenario.requests, r.id);
    if (tag.service === service) funders.add(tag.funder);
  }
  return [...funders].sort().map((funder) => {
    const plan = silo[funder];
    if (!plan)
      throw new Error(`overlap: no silo plan for funder "${funder}" (service "${service}")`);
    const vehicles = new Map(plan.problem.vehicles.map((v) => [v.id, v]));
    const requests = new Map(plan.problem.requests.map((r) => [r.id, r]));
    const runs = plan.solution.runs.flatMap((run): CarrierRun[] => {
      const ids = run.stops.flatMap((s) => (s.kind === "pickup" ? [s.request] : []));
      const vehicle = vehicles.get(run.vehicle);
      if (!vehicle || !ids.some((id) => scenario.requests[id]?.service === service)) return [];
      const onRun = ids.flatMap((id) => {
        const r = requests.get(id);
        return r ? [asTested(scenario, partners, r)] : [];
      });
      return [{ run, vehicle, local: compactRun(plan.problem, onRun, vehicle) }];
    });
    return { funder, runs, problem: plan.problem, partners };
  });
}

/**
 * Whether the vehicle could carry the trip at all: the features, assistant and a layout the load
 * fits (as the solver requires), and a shift that overlaps the trip's windows. Cheap, and exact:
 * `insert()` would refuse every vehicle this rejects.
 */
export function mayCarry(vehicle: Vehicle, trip: Request): boolean {
  const features = new Set(vehicle.features ?? []);
  return (
    (trip.features ?? []).every((f) => features.has(f)) &&
    (!trip.needsAssistant || vehicle.hasAssistant === true) &&
    vehicle.layouts.some((l) => trip.load.every((q, k) => q <= (l[k] ?? 0))) &&
    vehicle.shift[0] <= trip.pickup.window[1] &&
    trip.dropoff.window[0] <= vehicle.shift[1]
  );
}

/** Minutes between the trip's pick-up window and the run's time out (0 when they overlap). */
function gap(trip: Request, run: Run): number {
  const [early, late] = trip.pickup.window;
  return Math.max(0, early - run.end, run.start - late);
}

/**
 * Can one of the carrier's existing runs take the trip, within every constraint and the mixing
 * policy, without moving its other stops? Each run whose vehicle `mayCarry` the trip is tested
 * with `insert()` on its own, in a problem holding only that run's requests and locations: the
 * answer is the same as over all runs at once (a run's feasibility depends only on its own stops)
 * and each call compiles a tiny problem. Runs nearest the trip in time go first; the first that
 * fits ends the search. A trip already in the plan (same funder) is taken out of its run first.
 */
export function canCarry(
  carrier: CarrierRuns,
  trip: Request,
  scenario: IntegrationScenario,
): boolean {
  const newcomer = asTested(scenario, carrier.partners, trip);
  return carrier.runs
    .filter((c) => mayCarry(c.vehicle, trip))
    .sort((a, b) => gap(trip, a.run) - gap(trip, b.run))
    .some((c) => fitsRun(carrier.problem, c, newcomer));
}

function fitsRun(full: Problem, carrier: CarrierRun, trip: Request): boolean {
  const { local } = carrier;
  const mine = local.problem.requests.some((r) => r.id === trip.id);
  const base = mine ? withoutRequest(local, trip.id) : local;
  const stops = mine
    ? carrier.run.stops.filter((s) => s.kind === "break" || s.request !== trip.id)
    : carrier.run.stops;
  const sub = extendCompact(full, base, [trip]).problem;
  const newcomer = sub.requests[sub.requests.length - 1]!;
  return insert(sub, { runs: [{ ...carrier.run, stops }] }, newcomer).ok;
}

/** A problem cut down to a few locations, and where each came from in the full problem. */
export interface CompactProblem {
  readonly problem: Problem;
  /** origin[i]: index in the full problem of the compact problem's location i. */
  readonly origin: readonly number[];
}

function withoutRequest(c: CompactProblem, id: string): CompactProblem {
  return {
    ...c,
    problem: { ...c.problem, requests: c.problem.requests.filter((r) => r.id !== id) },
  };
}

/**
 * A compact problem with more requests (their locations indexing the full problem) and locations
 * of the full problem. Only the rows and columns of new locations are read from the full matrices,
 * so adding a trip to a run's problem costs little.
 */
export function extendCompact(
  full: Problem,
  base: CompactProblem,
  requests: readonly Request[],
  locations: readonly number[] = [],
): CompactProblem {
  const index = new Map(base.origin.map((l, i) => [l, i]));
  const origin = [...base.origin];
  const at = (l: number): number => {
    const known = index.get(l);
    if (known !== undefined) return known;
    index.set(l, origin.length);
    origin.push(l);
    return origin.length - 1;
  };
  for (const l of locations) at(l);
  const added = requests.map((r) => ({
    ...r,
    pickup: { ...r.pickup, location: at(r.pickup.location) },
    dropoff: { ...r.dropoff, location: at(r.dropoff.location) },
  }));
  const fresh = origin.slice(base.origin.length);
  const grow = (big: Matrix, small: Matrix): Matrix => {
    if (fresh.length === 0) return small;
    const rows = small.map((row, a) => {
      const source = big[base.origin[a]!]!;
      return row.concat(fresh.map((l) => source[l]!));
    });
    return rows.concat(fresh.map((l) => gather(big[l]!, origin)));
  };
  const { time, distance } = base.problem.matrices;
  const problem: Problem = {
    ...base.problem,
    locations: fresh.length === 0 ? base.problem.locations : origin.map((l) => full.locations[l]!),
    matrices: {
      time: grow(full.matrices.time, time),
      distance: grow(full.matrices.distance, distance),
    },
    requests: [...base.problem.requests, ...added],
  };
  return { problem, origin };
}

type Matrix = Problem["matrices"]["time"];

const gather = (row: readonly number[], at: readonly number[]) => at.map((b) => row[b]!);

/**
 * The full problem cut down to one run: its vehicle, its requests and only the locations they use,
 * with the matching rows and columns of the matrices (so compiling it costs little).
 */
export function compactRun(
  full: Problem,
  requests: readonly Request[],
  vehicle: Vehicle,
): CompactProblem {
  const empty: CompactProblem = {
    problem: {
      ...full,
      locations: [],
      matrices: { time: [], distance: [] },
      requests: [],
      vehicles: [],
    },
    origin: [],
  };
  const c = extendCompact(full, empty, requests, [vehicle.start, vehicle.end]);
  const moved = {
    ...vehicle,
    start: c.origin.indexOf(vehicle.start),
    end: c.origin.indexOf(vehicle.end),
  };
  return { ...c, problem: { ...c.problem, vehicles: [moved] } };
}
