import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./common";
import { organisations } from "./organisations";
import { passengers, vehicles } from "./register";
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

/**
 * Smartcard taps or attendance marks as imported: who boarded (a keyed hash of the card, and the
 * passenger when the card is their reference), which vehicle, where and when. Sized school routes
 * from what happened rather than from entitlement lists. A tap is stored once, however often its
 * file is imported.
 */
export const observedTaps = pgTable(
  "observed_taps",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    vehicleId: uuid("vehicle_id")
      .notNull()
      .references(() => vehicles.id, { onDelete: "cascade" }),
    /** The card number hashed with the organisation's id: counts travellers, names nobody. */
    cardKey: text("card_key").notNull(),
    passengerId: uuid("passenger_id").references(() => passengers.id, { onDelete: "set null" }),
    stop: text("stop").notNull(),
    /** Minutes after midnight of the tap. */
    minutes: integer("minutes").notNull(),
    importId: uuid("import_id").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("observed_taps_tap_key").on(
      t.organisationId,
      t.serviceDate,
      t.vehicleId,
      t.cardKey,
      t.minutes,
    ),
    index("observed_taps_passenger_idx").on(t.organisationId, t.passengerId),
  ],
);
