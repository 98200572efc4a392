import { insert, type PlanRun, type Problem, type Request, type Vehicle } from "@tt/solver";
import { forbiddenPartners, mixRequest, requestTag } from "./mixing-policy";
import type { IntegrationScenario, SolvedPlan } from "./types";

/** The runs of one service in one silo plan: the runs that could carry another service's trip. */
export interface CarrierRuns {
  /** Funder whose silo plan the runs come from. */
  readonly funder: string;
  readonly runs: readonly PlanRun[];
  readonly vehicles: ReadonlyMap<string, Vehicle>;
  /** Requests of the silo problem by id. */
  readonly requests: ReadonlyMap<string, Request>;
  readonly problem: Problem;
  /** The scenario's mixing policy, as services each service may not travel with. */
  readonly partners: ReadonlyMap<string, readonly string[]>;
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
    const carries = (run: PlanRun) =>
      run.stops.some(
        (s) => s.kind === "pickup" && scenario.requests[s.request]?.service === service,
      );
    return {
      funder,
      runs: plan.solution.runs.filter(carries),
      vehicles: new Map(plan.problem.vehicles.map((v) => [v.id, v])),
      requests: new Map(plan.problem.requests.map((r) => [r.id, r])),
      problem: plan.problem,
      partners,
    };
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

/** The trip as a stand-alone booking: no return-leg link, mandatory (so any feasible place wins). */
function standAlone(trip: Request): Request {
  const { linkedRequest: _link, penalty: _penalty, ...rest } = trip;
  return rest;
}

/**
 * Can one of the carrier's existing runs take the trip, within every constraint and the mixing
 * policy, without moving its other stops? Only the runs whose vehicle `mayCarry` the trip are
 * given to `insert()`, in a problem holding just those runs' requests and locations (the answer is
 * the same: a run's feasibility depends only on its own stops). A trip already in the plan (same
 * funder) is taken out of its run first.
 */
export function canCarry(
  carrier: CarrierRuns,
  trip: Request,
  scenario: IntegrationScenario,
): boolean {
  const runs = carrier.runs.flatMap((run) => {
    const vehicle = carrier.vehicles.get(run.vehicle);
    if (!vehicle || !mayCarry(vehicle, trip)) return [];
    const stops = run.stops.filter((s) => s.kind === "break" || s.request !== trip.id);
    return [{ run: { ...run, stops }, vehicle }];
  });
  if (runs.length === 0) return false;
  const mix = (r: Request) =>
    mixRequest(standAlone(r), requestTag(scenario.requests, r.id).service, carrier.partners);
  const aboard = runs.flatMap(({ run }) =>
    run.stops.flatMap((s) => {
      const r = s.kind === "pickup" ? carrier.requests.get(s.request) : undefined;
      return r ? [mix(r)] : [];
    }),
  );
  const vehicles = runs.map((x) => x.vehicle);
  const problem = compactProblem(carrier.problem, [...aboard, mix(trip)], vehicles);
  const newcomer = problem.requests[problem.requests.length - 1]!;
  return insert(problem, { runs: runs.map((x) => x.run) }, newcomer).ok;
}

/**
 * The problem restricted to the given requests and vehicles, with only the locations they use and
 * the matching rows and columns of the matrices (so compiling it costs little).
 */
export function compactProblem(
  problem: Problem,
  requests: readonly Request[],
  vehicles: readonly Vehicle[],
): Problem {
  const index = new Map<number, number>();
  const at = (l: number) => {
    const known = index.get(l);
    if (known !== undefined) return known;
    index.set(l, index.size);
    return index.size - 1;
  };
  const remapped = requests.map((r) => ({
    ...r,
    pickup: { ...r.pickup, location: at(r.pickup.location) },
    dropoff: { ...r.dropoff, location: at(r.dropoff.location) },
  }));
  const fleet = vehicles.map((v) => ({ ...v, start: at(v.start), end: at(v.end) }));
  const order = [...index.keys()];
  const sub = (m: Problem["matrices"]["time"]) => order.map((a) => order.map((b) => m[a]![b]!));
  return {
    ...problem,
    locations: order.map((l) => problem.locations[l]!),
    matrices: { time: sub(problem.matrices.time), distance: sub(problem.matrices.distance) },
    requests: remapped,
    vehicles: fleet,
  };
}
