import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, stamps } from "./common";
import { organisations, users } from "./organisations";

/** Long work (solve, analyse, import) with progress a person can watch. */
export const jobs = pgTable("jobs", {
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
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  ...stamps(),
});
