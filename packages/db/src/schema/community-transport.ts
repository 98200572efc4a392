import type { CommissionStatus, CommissionTrip, PermitPassengerClass } from "@tt/domain";
import { sql } from "drizzle-orm";
import {
  date,
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
import { organisations } from "./organisations";
import { contracts } from "./procurement";

/**
 * Commissions: a trip of a buyer's plan offered to a community transport group, answered within a
 * time limit, then completed by one of the group's drivers (miles in tenths) or disputed by the
 * buyer. The trip is a snapshot without the passenger's name; the rate is kept with its version
 * and source as it stood when offered.
 */
export const commissions = pgTable(
  "commissions",
  {
    id: id(),
    buyerId: uuid("buyer_id")
      .notNull()
      .references(() => organisations.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => organisations.id),
    planId: uuid("plan_id").notNull(),
    tripRequestId: uuid("trip_request_id").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    trip: jsonb("trip").$type<CommissionTrip>().notNull(),
    passengerClass: text("passenger_class").$type<PermitPassengerClass>().notNull(),
    contractId: uuid("contract_id").references(() => contracts.id),
    ratePence: integer("rate_pence").notNull(),
    rateVersion: text("rate_version").notNull(),
    rateSource: text("rate_source").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    status: text("status").$type<CommissionStatus>().notNull().default("offered"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredBy: uuid("answered_by"),
    completedOn: date("completed_on", { mode: "string" }),
    mileTenths: integer("mile_tenths"),
    driverStaffId: uuid("driver_staff_id"),
    vehicleId: uuid("vehicle_id"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by"),
    disputeReason: text("dispute_reason"),
    disputedAt: timestamp("disputed_at", { withTimezone: true }),
    disputedBy: uuid("disputed_by"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("commissions_live_trip_idx")
      .on(t.buyerId, t.tripRequestId, t.date)
      .where(sql`${t.status} in ('offered', 'accepted', 'completed', 'disputed')`),
    index("commissions_buyer_idx").on(t.buyerId, t.date),
    index("commissions_group_idx").on(t.groupId, t.date),
  ],
);
