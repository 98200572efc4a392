import type {
  KeptProblem,
  PlanRunStop,
  PlanSummary,
  PlanUnassigned,
  ProblemAdditions,
} from "@tt/app";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, importedBy, pence, stamps } from "./common";
import { organisations } from "./organisations";
import { funders, passengers, places, termCalendars, vehicles } from "./register";

export const tripRequests = pgTable(
  "trip_requests",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    reference: text("reference").notNull(),
    passengerId: uuid("passenger_id")
      .notNull()
      .references(() => passengers.id),
    funderId: uuid("funder_id")
      .notNull()
      .references(() => funders.id),
    purpose: text("purpose").notNull(),
    /** Null means the passenger's home. */
    originPlaceId: uuid("origin_place_id").references(() => places.id),
    destinationPlaceId: uuid("destination_place_id").references(() => places.id),
    timing: text("timing").notNull(),
    time: text("time").notNull(),
    windowMinutes: integer("window_minutes").notNull(),
    maxRideMinutes: integer("max_ride_minutes"),
    escorts: integer("escorts").notNull(),
    recurrenceKind: text("recurrence_kind").notNull(),
    /** One-off: the date. Recurring: first and last dates. */
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    weekdays: text("weekdays").array().notNull(),
    termCalendarId: uuid("term_calendar_id").references(() => termCalendars.id),
    returnOfId: uuid("return_of_id").references((): AnyPgColumn => tripRequests.id),
    status: text("status").notNull(),
    ...importedBy(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("trip_requests_org_ref_key").on(t.organisationId, t.reference),
    index("trip_requests_passenger_idx").on(t.passengerId),
  ],
);

/**
 * Stored planning output: all runs for a date. A planner's override stores a new revision that
 * names the plan it was made from (`revised_from`, at most one revision of each plan); the
 * original is kept.
 */
export const plans = pgTable(
  "plans",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    serviceDate: date("service_date").notNull(),
    status: text("status").notNull(),
    /** Written as `PlanSummary`; checked on read (`storedPlanSummarySchema`). */
    summary: jsonb("summary").$type<PlanSummary>().notNull(),
    unassigned: jsonb("unassigned").$type<readonly PlanUnassigned[]>().notNull(),
    /**
     * The solver Problem the plan was made from, for re-evaluation and changes: whole, or above
     * 800 places without its matrices but with its points (`KeptProblem`); on revisions null
     * (they share their original's through `revised_from`) or, for a booking, what it added
     * (`kind: "additions"`); null on plans made before.
     */
    problem: jsonb("problem").$type<StoredProblemColumn>(),
    /** 1 for a plan from the engine; the plan it revises + 1 for an override. */
    revision: integer("revision").notNull().default(1),
    revisedFrom: uuid("revised_from").references((): AnyPgColumn => plans.id),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("plans_revised_from_key").on(t.revisedFrom),
    // One operating plan per organisation and day.
    uniqueIndex("plans_published_day_key")
      .on(t.organisationId, t.serviceDate)
      .where(sql`${t.status} = 'published'`),
  ],
);

/** A kept Problem as stored: a whole one as itself, one without matrices with its points. */
export type StoredProblemColumn =
  | Extract<KeptProblem, { kind: "whole" }>["problem"]
  | Extract<KeptProblem, { kind: "whole" }>
  | Extract<KeptProblem, { kind: "points" }>
  | ({ readonly kind: "additions" } & ProblemAdditions);

/**
 * One vehicle's sequence of stops, made by a plan (`plan_id`: the plan that first stored it). A
 * run is never changed; the plans that hold it are listed in `plan_runs`.
 */
export const runs = pgTable(
  "runs",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    vehicleId: uuid("vehicle_id").references(() => vehicles.id),
    stops: jsonb("stops").$type<readonly PlanRunStop[]>().notNull(),
    /** Index of the vehicle layout the run uses (0 = the standard layout). */
    layout: integer("layout").notNull().default(0),
    distanceMetres: integer("distance_metres").notNull(),
    durationSeconds: integer("duration_seconds").notNull(),
    costPence: pence("cost_pence").notNull(),
    ...stamps(),
  },
  (t) => [index("runs_plan_idx").on(t.planId)],
);

/**
 * The runs of each plan. A revision stores only the runs it changed and links the others of the
 * plan it revises, so one run belongs to the plan that made it and to the later revisions that
 * kept it. Read a plan's runs through here, never by `runs.plan_id`.
 */
export const planRuns = pgTable(
  "plan_runs",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ name: "plan_runs_pkey", columns: [t.planId, t.runId] }),
    index("plan_runs_run_idx").on(t.runId),
  ],
);

/**
 * A trip request cancelled on one service date, with the reason from the versioned list (one-off
 * trips are also marked cancelled; a recurring trip misses that day only). The day's plans leave
 * it out, and the figures count cancellations by reason.
 */
export const tripCancellations = pgTable(
  "trip_cancellations",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    tripRequestId: uuid("trip_request_id")
      .notNull()
      .references(() => tripRequests.id, { onDelete: "cascade" }),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    reasonsVersion: text("reasons_version").notNull(),
    /** Who cancelled (a user id); null once the user is gone. */
    cancelledBy: uuid("cancelled_by"),
    /** The plan revision that took the trip out of its run, if the day had an operating plan. */
    planId: uuid("plan_id").references(() => plans.id),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("trip_cancellations_trip_day_key").on(t.tripRequestId, t.serviceDate),
    index("trip_cancellations_org_day_idx").on(t.organisationId, t.serviceDate),
  ],
);
