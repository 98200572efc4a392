import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./organisations";

/**
 * Every read or write of personal data: who, when, what, why. Append-only; each row carries the
 * hash of the previous row of its organisation so that tampering shows.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    resource: text("resource").notNull(),
    resourceIds: text("resource_ids").array().notNull(),
    purpose: text("purpose").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_org_at_idx").on(t.organisationId, t.at)],
);
