import type { Location, Problem, Request } from "@tt/solver";
import type { Page } from "./repositories";

/** When a stop of a stored run is served: minutes after midnight of the service date. */
interface PlanRunStopTimes {
  /** Index into the plan's Problem locations, when the Problem is kept. */
  readonly location: number;
  readonly arrival: number;
  readonly start: number;
  readonly departure: number;
  /** On board after the stop: `[seats, wheelchairs]`. */
  readonly load: readonly number[];
}

/** A pick-up or drop-off of a stored run: it names the trip request only, never the passenger. */
export interface PlanRunTripStop extends PlanRunStopTimes {
  readonly kind: "pickup" | "dropoff";
  readonly tripRequestId: string;
}

/** A driver's break in a stored run, by the vehicle's break rule. */
export interface PlanRunBreakStop extends PlanRunStopTimes {
  readonly kind: "break";
  readonly breakId: string;
}

/** A stop of a stored run: a pick-up or drop-off of a trip request, or a driver's break. */
export type PlanRunStop = PlanRunTripStop | PlanRunBreakStop;

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

/** Pounds, rounded to pence: what the plan's runs cost (penalties of unserved requests left out). */
export interface PlanCostSummary {
  readonly total: number;
  readonly fixed: number;
  readonly distance: number;
  readonly time: number;
}

/** Part of the register that could not be planned as it stands (a mapping issue, as stored). */
export interface PlanSummaryIssue {
  readonly kind: string;
  readonly message: string;
  readonly tripRequestId?: string;
  readonly vehicleId?: string;
}

/** The facts of the solve that made a plan. */
export interface SolveFacts {
  /** The service date, "YYYY-MM-DD". */
  readonly date: string;
  readonly seed: number;
  readonly timeLimitSeconds?: number;
  readonly iterations?: number;
  /** How long the solve took, seconds (to a tenth). */
  readonly seconds: number;
  /** The travel-time provider's name. */
  readonly travelTimes: string;
  /** Where the engine ran: "worker-thread", or "main-thread" with the `fallback` reason. */
  readonly thread: string;
  readonly fallback?: string;
  /** The mixing policy the plan keeps to: its partnerships' (their rules together), if any. */
  readonly mixingPolicy?: string;
  /** A partnership's plan: whose days it pooled, under which agreements, and who was left out. */
  readonly pool?: PlanPool;
}

/** The members whose demand and fleets a partnership's plan pooled, by name. */
export interface PlanPool {
  readonly members: readonly { readonly organisation: string; readonly agreement: string }[];
  readonly leftOut: readonly { readonly organisation: string; readonly reason: string }[];
}

/**
 * The figures people look at first, and the facts of the solve that made the plan. A revision
 * keeps the facts of its original and recounts the figures for its own runs.
 */
export interface PlanSummary extends SolveFacts {
  /** Trip requests travelling that day. */
  readonly requests: number;
  readonly assigned: number;
  readonly unassigned: number;
  /** Unassigned requests counted by the reason people are shown (`no-room`, `not-planned`, …). */
  readonly unassignedByReason: Readonly<Record<string, number>>;
  readonly vehiclesAvailable: number;
  readonly vehiclesUsed: number;
  readonly cost: PlanCostSummary;
  readonly distanceKm: number;
  readonly solverIterations: number;
  /** How many mapping issues the day had; `issues` lists the first 50. */
  readonly issueCount: number;
  readonly issues: readonly PlanSummaryIssue[];
  /** Whether the Problem was kept with the plan (so that changes can be checked against it). */
  readonly problemKept: boolean;
  /** Rules a revision breaks, as the planner accepted them; only on revisions. */
  readonly violations?: number;
}

/**
 * What a day-plan job answers when it succeeds: the plan it saved and the plan's summary without
 * the list of issues (the plan keeps those). A type, not an interface: it is stored as job data.
 */
export type DayPlanResult = {
  readonly planId: string;
  readonly summary: Omit<PlanSummary, "issues">;
};

export interface NewPlan {
  readonly name: string;
  /** "YYYY-MM-DD". */
  readonly serviceDate: string;
  readonly status: "draft";
  readonly summary: PlanSummary;
  readonly unassigned: readonly PlanUnassigned[];
  /** The solver Problem, to re-evaluate and change the plan later (`KeptProblem`). */
  readonly problem: KeptProblem | null;
  readonly runs: readonly NewPlanRun[];
}

/** A plan without its runs and Problem, as lists show it. */
export interface PlanHeader {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly serviceDate: string;
  readonly status: string;
  readonly summary: PlanSummary;
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
  /**
   * Newest first; `serviceDate` narrows to one day, `fromServiceDate` to that day and later,
   * `status` to plans of that status (the published ones).
   */
  list(
    organisationId: string,
    query: {
      offset: number;
      limit: number;
      serviceDate?: string;
      fromServiceDate?: string;
      status?: PlanStatus;
    },
  ): Promise<Page<PlanHeader>>;
  /**
   * The Problem kept with the plan (large: read only to re-evaluate). A revision shares the
   * Problem of the plan it was made from.
   */
  findProblem(organisationId: string, id: string): Promise<KeptProblem | undefined>;
  /** The kept Problem and what the revisions up to plan `id` added to it (bookings). */
  findProblemChain(organisationId: string, id: string): Promise<KeptProblemChain | undefined>;
  /**
   * Stores `plan` as the next revision of plan `revisedFrom` (which is kept), sharing its Problem
   * and the runs it keeps (`NewPlanRevision`): only new or changed runs are written. Throws
   * `conflict` when that plan already has a revision: revise the latest one.
   */
  saveRevision(
    organisationId: string,
    revisedFrom: string,
    plan: NewPlanRevision,
  ): Promise<StoredPlan>;
  /** The id of the revision made from plan `id`, if any. */
  findRevisionOf(organisationId: string, id: string): Promise<string | undefined>;
  /**
   * Holds the day's publications until the transaction ends: two organisations publishing plans
   * of the same day with the same vehicle are checked one after the other.
   */
  lockServiceDay(serviceDate: string): Promise<void>;
  /** The runs of other organisations' published plans of the day that use these vehicles. */
  listVehicleClaims(
    serviceDate: string,
    vehicleIds: readonly string[],
    exceptOrganisationId: string,
  ): Promise<VehicleClaim[]>;
  /**
   * Makes the plan the organisation's published plan of its day; the plan published before for
   * that day (if any) becomes `superseded`. Answers the ids superseded.
   */
  markPublished(organisationId: string, id: string): Promise<string[]>;
  /** A published plan made a draft again (no longer the operating plan of its day). */
  markWithdrawn(organisationId: string, id: string): Promise<void>;
}

/** A plan's status: made (draft), the operating plan of its day (published), or replaced. */
export const PLAN_STATUSES = ["draft", "published", "superseded"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A vehicle in a published plan's run: whose plan, and when the run starts and ends (minutes). */
export interface VehicleClaim {
  readonly vehicleId: string;
  readonly organisationId: string;
  readonly planId: string;
  readonly from: number;
  readonly to: number;
}

/** Where each location of a Problem kept without its matrices is, and whose travel times made them. */
export interface ProblemPoints {
  /** The travel-time provider's name (`TravelTimeProvider.name`). */
  readonly travelTimes: string;
  /** One per location of the Problem, in its order. */
  readonly points: readonly { readonly lat: number; readonly lon: number }[];
}

/**
 * The Problem as a plan keeps it: whole when small; otherwise without its matrices (a county
 * day's run to tens of MB) but with each location's point, so that the same travel times make the
 * matrices again when the plan is changed (`restoreProblem`).
 */
export type KeptProblem =
  | {
      readonly kind: "whole";
      readonly problem: Problem;
      /** Where each location is (plans made since bookings: new addresses need their rows). */
      readonly at?: ProblemPoints;
    }
  | {
      readonly kind: "points";
      /** The Problem's fields but its matrices: checked in full once they are made again. */
      readonly problem: Readonly<Record<string, unknown>>;
      readonly at: ProblemPoints;
    };

/**
 * A revision of a stored plan: its own runs and figures; the Problem stays with the original.
 * A run without an id is new or changed, and stored. A run with an id is a run of the plan revised
 * kept as it is: shared with that plan, not stored again. It must be that plan's run as the store
 * answered it (the object `find` gave, unchanged; a changed run drops its id), and the store
 * refuses any other (`validation-failed`).
 */
export type NewPlanRevision = Omit<NewPlan, "problem" | "runs"> & {
  readonly runs: readonly (NewPlanRun | PlanRun)[];
  /** What a booking added to the Problem the revision shares with the plan it was made from. */
  readonly additions?: ProblemAdditions;
};

/**
 * What a revision adds to its plan's Problem: the trip requests booked into it and the locations
 * they brought. Request locations index the Problem's locations followed by every location added
 * by earlier revisions and then these, in order; each added location keeps its point, so the same
 * travel times give its rows of the matrices again.
 */
export interface ProblemAdditions {
  readonly requests: readonly Request[];
  readonly locations: readonly Location[];
  readonly points: readonly { readonly lat: number; readonly lon: number }[];
  /** Requests taken out of the Problem: trips cancelled for the day. */
  readonly withdrawn?: readonly string[];
  /** Vehicles taken out of the Problem: a contract handed back takes its vehicles with it. */
  readonly withdrawnVehicles?: readonly string[];
}

/** A plan's Problem as kept by the plan that kept it, with what each later revision added. */
export interface KeptProblemChain {
  /** The plan that kept the Problem (the first of the revisions). */
  readonly keptBy: string;
  readonly kept: KeptProblem;
  /** Oldest first. */
  readonly additions: readonly ProblemAdditions[];
}
