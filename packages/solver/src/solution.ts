/** The solver's output contract, and the plan shape `evaluate()` accepts. */
export const SOLUTION_VERSION = 1 as const;

export type StopKind = "pickup" | "dropoff";

export type PlanStop =
  | { readonly kind: StopKind; readonly request: string }
  | { readonly kind: "break"; readonly break: string };

export interface PlanRun {
  readonly vehicle: string;
  /** Index into the vehicle's `layouts`; omitted = the first layout that fits. */
  readonly layout?: number;
  readonly stops: readonly PlanStop[];
}

/** A plan: the order of stops per vehicle. A `Solution` is also a valid `Plan`. */
export interface Plan {
  readonly runs: readonly PlanRun[];
}

export interface StopTimes {
  readonly location: number;
  readonly arrival: number;
  readonly start: number;
  readonly departure: number;
  /** Load on board after this stop, one entry per dimension. */
  readonly load: readonly number[];
}

/** A stop of a run with its schedule (a pick-up, drop-off or driver's break). */
export type ScheduledStop = PlanStop & StopTimes;

/** Request id of a stop, or undefined for a break. */
export function stopRequest(s: PlanStop): string | undefined {
  return s.kind === "break" ? undefined : s.request;
}

export interface CostBreakdown {
  readonly fixed: number;
  readonly distance: number;
  readonly time: number;
  readonly unserved: number;
  readonly total: number;
}

export interface Run {
  readonly vehicle: string;
  readonly layout: number;
  readonly stops: readonly ScheduledStop[];
  /** Departure from the start depot and arrival at the end depot. */
  readonly start: number;
  readonly end: number;
  readonly distance: number;
  readonly duration: number;
  readonly cost: CostBreakdown;
}

export type UnassignedReason =
  | "capacity"
  | "features"
  | "time-window"
  | "ride-time"
  | "incompatibility"
  | "not-worth-penalty";

export interface Unassigned {
  readonly request: string;
  readonly reason: UnassignedReason;
  readonly message: string;
}

export interface Solution {
  readonly version: typeof SOLUTION_VERSION;
  readonly runs: readonly Run[];
  readonly unassigned: readonly Unassigned[];
  readonly cost: CostBreakdown;
  /** Totals used for ranking: vehicles used and total distance. */
  readonly vehicles: number;
  readonly distance: number;
  readonly iterations: number;
}

export interface Violation {
  /** Constraint id, e.g. "time-window", "ride-time", "capacity". */
  readonly constraint: string;
  readonly vehicle?: string;
  readonly requests: readonly string[];
  /** Stop positions within the run (0-based). */
  readonly stops: readonly number[];
  /** How much the limit is exceeded by (minutes, seats, …); 1 for yes/no rules. */
  readonly amount: number;
  readonly message: string;
}
