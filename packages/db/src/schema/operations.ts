import { date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { plans, tripRequests } from "./trips";

/**
 * What drivers and passenger assistants marked at stops (arrived, picked up, dropped off, no-show
 * with its reason), as their phones recorded it. The id is made on the phone, so an event sent
 * again is stored once; the key includes the organisation, so one organisation's ids never meet
 * another's. Kept by date, vehicle and trip, not by plan revision, so a revision keeps them.
 */
export const runEvents = pgTable(
  "run_events",
  {
    id: uuid("id").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    vehicleId: uuid("vehicle_id").notNull(),
    tripRequestId: uuid("trip_request_id")
      .notNull()
      .references(() => tripRequests.id, { onDelete: "cascade" }),
    stop: text("stop").notNull(),
    kind: text("kind").notNull(),
    reason: text("reason"),
    reasonsVersion: text("reasons_version"),
    /** When it happened, by the phone's clock. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** The operating plan of the day when the event reached the server. */
    planId: uuid("plan_id").references(() => plans.id),
    /** Who marked it (a user id); null once the user is gone. */
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "run_events_pkey", columns: [t.organisationId, t.id] }),
    index("run_events_org_day_idx").on(t.organisationId, t.serviceDate),
  ],
);
