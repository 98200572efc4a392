import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./common";
import { organisations } from "./organisations";
import { passengers } from "./register";
import { tripRequests } from "./trips";

/**
 * Where a passenger's pick-up times and changes are sent: an email address or a UK mobile, who
 * it reaches (the passenger, a parent, a carer) and whether they opted out. The opt-out token is
 * the key of the link in every message; it can only stop messages.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    passengerId: uuid("passenger_id")
      .notNull()
      .references(() => passengers.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    address: text("address").notNull(),
    relationship: text("relationship").notNull(),
    name: text("name"),
    optOutToken: text("opt_out_token").notNull(),
    optedOutAt: timestamp("opted_out_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contacts_passenger_idx").on(t.organisationId, t.passengerId),
    uniqueIndex("contacts_opt_out_token_key").on(t.optOutToken),
    uniqueIndex("contacts_passenger_address_key").on(
      t.organisationId,
      t.passengerId,
      t.channel,
      t.address,
    ),
  ],
);

/**
 * Every message about a trip: queued, sent, failed or held back because its contact opted out.
 * The log the desk reads ("what did we tell them?") and the queue dispatchers send from.
 */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    passengerId: uuid("passenger_id")
      .notNull()
      .references(() => passengers.id, { onDelete: "cascade" }),
    tripRequestId: uuid("trip_request_id").references(() => tripRequests.id, {
      onDelete: "set null",
    }),
    serviceDate: date("service_date", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** When it may next be sent (queued), or when a dispatcher's claim on it runs out (sending). */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
    providerReference: text("provider_reference"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("messages_due_idx").on(t.dueAt).where(sql`${t.status} in ('queued', 'sending')`),
    index("messages_passenger_idx").on(t.organisationId, t.passengerId),
    index("messages_org_day_idx").on(t.organisationId, t.serviceDate),
  ],
);
