import type { Area, DelegationStatus, TripPurpose, Weekday } from "@tt/domain";
import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, pence, stamps } from "./common";
import { organisations } from "./organisations";

/**
 * Budgets and areas a council delegates to local consortia: proposed by the council, accepted (or
 * declined) by the consortium, withdrawn by the council; one accepted per consortium and financial
 * year. The area is a GeoJSON Polygon or MultiPolygon (WGS84), checked before it is stored.
 */
export const delegations = pgTable(
  "delegations",
  {
    id: id(),
    councilId: uuid("council_id")
      .notNull()
      .references(() => organisations.id),
    consortiumId: uuid("consortium_id")
      .notNull()
      .references(() => organisations.id),
    financialYear: text("financial_year").notNull(),
    budgetPence: pence("budget_pence").notNull(),
    area: jsonb("area").$type<Area>().notNull(),
    status: text("status").$type<DelegationStatus>().notNull().default("proposed"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("delegations_accepted_year_idx")
      .on(t.consortiumId, t.financialYear)
      .where(sql`status = 'accepted'`),
    index("delegations_council_idx").on(t.councilId, t.financialYear),
  ],
);

/**
 * The register of unmet demand: rows of parish needs surveys (from where to where, for what, on
 * which days and at what time, how many people), owned by the consortium or council that
 * imported them. No one is named: a row counts people.
 */
export const unmetDemand = pgTable(
  "unmet_demand",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    survey: text("survey").notNull(),
    originLat: doublePrecision("origin_lat").notNull(),
    originLon: doublePrecision("origin_lon").notNull(),
    destinationLat: doublePrecision("destination_lat").notNull(),
    destinationLon: doublePrecision("destination_lon").notNull(),
    purpose: text("purpose").$type<TripPurpose>().notNull(),
    days: text("days").array().$type<Weekday[]>().notNull(),
    time: text("time").notNull(),
    count: integer("count").notNull(),
    ...stamps(),
  },
  (t) => [index("unmet_demand_org_idx").on(t.organisationId, t.survey)],
);
