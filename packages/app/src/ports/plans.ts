import type { Page } from "./repositories";

/**
 * A stop of a stored run: a pick-up or drop-off names the trip request only (never the passenger),
 * or a driver's break. Times are minutes after midnight of the service date.
 */
export interface PlanRunStop {
  readonly kind: "pickup" | "dropoff" | "break";
  /** The trip request, for pick-ups and drop-offs. */
  readonly tripRequestId?: string;
  /** The break rule, for breaks. */
  readonly breakId?: string;
  /** Index into the plan's Problem locations, when the Problem is kept. */
  readonly location: number;
  readonly arrival: number;
  readonly start: number;
  readonly departure: number;
  /** On board after the stop: `[seats, wheelchairs]`. */
  readonly load: readonly number[];
}

export interface NewPlanRun {
  readonly vehicleId: string;
  readonly layout: number;
  readonly stops: readonly PlanRunStop[];
  readonly distanceMetres: number;
  readonly durationSeconds: number;
  readonly costPence: number;
}

export interface PlanRun extends NewPlanRun {
  readonly id: string;
}

/** A request the plan leaves unserved, with the engine's reason. */
export interface PlanUnassigned {
  readonly tripRequestId: string;
  readonly reason: string;
  readonly message: string;
}

export interface NewPlan {
  readonly name: string;
  /** "YYYY-MM-DD". */
  readonly serviceDate: string;
  readonly status: "draft";
  /** Figures for people: requests, assigned, unassigned by reason, vehicles, cost, distance. */
  readonly summary: Record<string, unknown>;
  readonly unassigned: readonly PlanUnassigned[];
  /** The solver Problem, to re-evaluate the plan later; null when too large to keep. */
  readonly problem: Record<string, unknown> | null;
  readonly runs: readonly NewPlanRun[];
}

/** A plan without its runs and Problem, as lists show it. */
export interface PlanHeader {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly serviceDate: string;
  readonly status: string;
  readonly summary: Record<string, unknown>;
  readonly createdAt: string;
  /** 1 for a plan from the engine; each planner's override adds a revision. */
  readonly revision: number;
  /** The plan this revision was made from; null for a plan from the engine. */
  readonly revisedFrom: string | null;
}

export interface StoredPlan extends PlanHeader {
  readonly unassigned: readonly PlanUnassigned[];
  readonly runs: readonly PlanRun[];
}

/** Stored plans and their runs; every method is scoped to the organisation. */
export interface PlanStore {
  /** Stores the plan and all its runs in one transaction. */
  save(organisationId: string, plan: NewPlan): Promise<StoredPlan>;
  /** The plan with its runs, ordered by the time of their first stop. */
  find(organisationId: string, id: string): Promise<StoredPlan | undefined>;
  /** Newest first; `serviceDate` narrows to one day. */
  list(
    organisationId: string,
    query: { offset: number; limit: number; serviceDate?: string },
  ): Promise<Page<PlanHeader>>;
  /**
   * The Problem kept with the plan (large: read only to re-evaluate). A revision shares the
   * Problem of the plan it was made from.
   */
  findProblem(organisationId: string, id: string): Promise<Record<string, unknown> | undefined>;
  /**
   * Stores `plan` as the next revision of plan `revisedFrom` (which is kept), sharing its Problem.
   * Throws `conflict` when that plan already has a revision: revise the latest one.
   */
  saveRevision(
    organisationId: string,
    revisedFrom: string,
    plan: NewPlanRevision,
  ): Promise<StoredPlan>;
  /** The id of the revision made from plan `id`, if any. */
  findRevisionOf(organisationId: string, id: string): Promise<string | undefined>;
}

/** A revision of a stored plan: its own runs and figures; the Problem stays with the original. */
export type NewPlanRevision = Omit<NewPlan, "problem">;
