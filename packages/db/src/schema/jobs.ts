import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, stamps } from "./common";
import { organisations, users } from "./organisations";

/**
 * Long work (day plans, analyses) with progress a person can watch, and the queue workers take it
 * from. At most one job of an organisation runs at a time (the partial unique index), so one
 * organisation's work never holds every worker.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid("created_by").references(() => users.id),
    kind: text("kind").notNull(),
    status: text("status").notNull(),
    progress: integer("progress").notNull().default(0),
    input: jsonb("input").$type<Record<string, unknown>>(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: jsonb("error").$type<Record<string, unknown>>(),
    attempts: integer("attempts").notNull().default(0),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    index("jobs_status_created_idx").on(t.status, t.createdAt),
    uniqueIndex("jobs_one_running_per_organisation")
      .on(t.organisationId)
      .where(sql`${t.status} = 'running'`),
  ],
);
