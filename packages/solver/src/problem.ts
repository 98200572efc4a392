/**
 * The solver's input contract. Plain JSON-serialisable data, versioned.
 * Times are minutes from an arbitrary day origin; distances are in the matrix's own unit
 * (kilometres for real data, Euclidean units for the academic benchmarks).
 */
export const PROBLEM_VERSION = 1 as const;

/** A closed interval [earliest, latest] on the start of service. */
export type Window = readonly [number, number];

export interface Location {
  /** Stable identifier, e.g. a UPRN, a NaPTAN code, or a benchmark node number. */
  readonly id: string;
  readonly name?: string;
}

export interface Matrices {
  /** time[a][b]: minutes from location a to b. */
  readonly time: readonly (readonly number[])[];
  /** distance[a][b]: distance unit from location a to b. */
  readonly distance: readonly (readonly number[])[];
}

export interface RequestStop {
  /** Index into `Problem.locations`. */
  readonly location: number;
  /** Boarding or alighting time in minutes. */
  readonly service: number;
  /** Window on the start of service. */
  readonly window: Window;
}

export interface MaxRideTime {
  /** Absolute limit in minutes. */
  readonly absolute?: number;
  /** Limit = factor * direct travel time + constant (minutes). */
  readonly factor?: number;
  readonly constant?: number;
}

export interface Request {
  readonly id: string;
  readonly pickup: RequestStop;
  readonly dropoff: RequestStop;
  /** One entry per `Problem.dimensions` entry (e.g. seats, wheelchair spaces). */
  readonly load: readonly number[];
  /** Ride time runs from the end of service at the pick-up to the start of service at the drop-off. */
  readonly maxRideTime?: MaxRideTime;
  /** Features every vehicle serving this request must have (e.g. "tail-lift"). */
  readonly features?: readonly string[];
  /** Groups this passenger belongs to (used by other requests' `incompatibleGroups`). */
  readonly groups?: readonly string[];
  /** Request ids this passenger may not share the vehicle with. */
  readonly incompatibleWith?: readonly string[];
  /** Groups this passenger may not share the vehicle with. */
  readonly incompatibleGroups?: readonly string[];
  /** Only a vehicle with a passenger assistant may carry this passenger. */
  readonly needsAssistant?: boolean;
  /** Door-through-door: nobody else is on board at this request's pick-up and drop-off. */
  readonly doorThroughDoor?: boolean;
  /** Id of the linked request (e.g. the return leg) that must use the same vehicle. */
  readonly linkedRequest?: string;
  /** Cost of leaving the request unserved. Omitted = mandatory (a very large penalty). */
  readonly penalty?: number;
}

/** A driver's break: `duration` minutes, starting inside `window` and/or before `maxDrivingBefore`. */
export interface BreakRule {
  readonly id: string;
  readonly duration: number;
  /** The break must start inside this window (if the run overlaps it). */
  readonly window?: Window;
  /** At most this many minutes of driving before the break, and after it. */
  readonly maxDrivingBefore?: number;
}

export interface VehicleCosts {
  /** Cost when the vehicle is used at all. */
  readonly fixed: number;
  /** Cost per distance unit. */
  readonly perDistance: number;
  /** Cost per hour of run duration (departure from start depot to arrival at end depot). */
  readonly perHour: number;
  /**
   * Cost per request the run carries (a vehicle bought per trip); default 0. Reported within the
   * run's `fixed` cost: a charge that depends on neither distance nor time.
   */
  readonly perTrip?: number;
}

export interface Vehicle {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Depot departure and return must both lie inside this window. */
  readonly shift: Window;
  /** Maximum run duration in minutes. */
  readonly maxDuration?: number;
  /** Alternative capacity layouts; a run uses exactly one. Each has one entry per dimension. */
  readonly layouts: readonly (readonly number[])[];
  readonly features?: readonly string[];
  readonly hasAssistant?: boolean;
  readonly breaks?: readonly BreakRule[];
  readonly costs: VehicleCosts;
}

/**
 * - `cost`: fixed + distance + time costs + unserved penalties.
 * - `vehicles-then-distance`: fewest vehicles first, then total distance (Li & Lim ranking).
 * - `distance`: total distance only, fleet fixed (Cordeau DARP).
 */
export type ObjectiveKind = "cost" | "vehicles-then-distance" | "distance";

export interface Problem {
  readonly version: typeof PROBLEM_VERSION;
  readonly name?: string;
  /** Capacity dimension names, e.g. ["seats", "wheelchairs"]. */
  readonly dimensions: readonly string[];
  readonly locations: readonly Location[];
  readonly matrices: Matrices;
  readonly requests: readonly Request[];
  readonly vehicles: readonly Vehicle[];
  readonly objective: ObjectiveKind;
}

/** Penalty used for requests with no `penalty`: large enough to dominate any routing cost. */
export const MANDATORY_PENALTY = 1e7;

/** The effective maximum ride time of a request, or Infinity. */
export function rideTimeLimit(problem: Problem, request: Request): number {
  const m = request.maxRideTime;
  if (!m) return Number.POSITIVE_INFINITY;
  let limit = m.absolute ?? Number.POSITIVE_INFINITY;
  if (m.factor !== undefined || m.constant !== undefined) {
    const direct = problem.matrices.time[request.pickup.location]?.[request.dropoff.location] ?? 0;
    limit = Math.min(limit, (m.factor ?? 1) * direct + (m.constant ?? 0));
  }
  return limit;
}
