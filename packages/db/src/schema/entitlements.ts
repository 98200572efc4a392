import { boolean, date, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, stamps } from "./common";
import { organisations, users } from "./organisations";
import { passengers } from "./register";

/**
 * Entitlement decisions, each with its full explanation (rules, inputs, sources) in `decision` and
 * the columns they are found by. Never updated: a new assessment supersedes an old one.
 */
export const entitlementDecisions = pgTable(
  "entitlement_decisions",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    passengerId: uuid("passenger_id").references(() => passengers.id, { onDelete: "set null" }),
    regime: text("regime").notNull(),
    category: text("category").notNull(),
    eligible: boolean("eligible").notNull(),
    decision: jsonb("decision").$type<Record<string, unknown>>().notNull(),
    policyVersion: text("policy_version").notNull(),
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    reviewDate: date("review_date", { mode: "string" }).notNull(),
    appealDeadline: date("appeal_deadline", { mode: "string" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    ...stamps(),
  },
  (t) => [
    index("entitlement_decisions_org_created_idx").on(t.organisationId, t.createdAt),
    index("entitlement_decisions_org_passenger_idx").on(t.organisationId, t.passengerId),
  ],
);
