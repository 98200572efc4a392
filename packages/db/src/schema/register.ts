import type { Weekday } from "@tt/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, importedBy, pence, stamps } from "./common";
import { organisations } from "./organisations";

const organisationId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id);

export interface NeedsColumn {
  wheelchair: boolean;
  passengerAssistant: boolean;
  seating: string;
  travelAlone: boolean;
  doorThroughDoor: boolean;
  mayNotTravelWith: string[];
}

export const funders = pgTable("funders", {
  id: id(),
  organisationId: organisationId(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  ...stamps(),
});

export const budgets = pgTable("budgets", {
  id: id(),
  organisationId: organisationId(),
  funderId: uuid("funder_id")
    .notNull()
    .references(() => funders.id),
  financialYear: text("financial_year").notNull(),
  amountPence: pence("amount_pence").notNull(),
  ...stamps(),
});

/** Personal data: every access is audited. */
export const passengers = pgTable(
  "passengers",
  {
    id: id(),
    organisationId: organisationId(),
    reference: text("reference").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth"),
    homeAddress: text("home_address"),
    homePostcode: text("home_postcode"),
    homeLat: doublePrecision("home_lat").notNull(),
    homeLon: doublePrecision("home_lon").notNull(),
    needs: jsonb("needs").$type<NeedsColumn>().notNull(),
    /** When the passenger's personal data was erased (the record stays, pseudonymised). */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    ...importedBy(),
    ...stamps(),
  },
  (t) => [uniqueIndex("passengers_org_ref_key").on(t.organisationId, t.reference)],
);

export const places = pgTable(
  "places",
  {
    id: id(),
    organisationId: organisationId(),
    reference: text("reference").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    postcode: text("postcode"),
    externalCode: text("external_code"),
    schoolPhase: text("school_phase"),
    opensAt: text("opens_at"),
    closesAt: text("closes_at"),
    ...importedBy(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("places_org_ref_key").on(t.organisationId, t.reference),
    index("places_org_kind_idx").on(t.organisationId, t.kind),
  ],
);

export const operators = pgTable("operators", {
  id: id(),
  organisationId: organisationId(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  licenceNumber: text("licence_number"),
  licenceExpiry: date("licence_expiry"),
  contactEmail: text("contact_email"),
  ...stamps(),
});

export const vehicles = pgTable(
  "vehicles",
  {
    id: id(),
    organisationId: organisationId(),
    operatorId: uuid("operator_id").references(() => operators.id),
    reference: text("reference").notNull(),
    kind: text("kind").notNull(),
    seats: integer("seats").notNull(),
    wheelchairSpaces: integer("wheelchair_spaces").notNull(),
    layouts: jsonb("layouts").$type<{ seats: number; wheelchairSpaces: number }[]>().notNull(),
    features: text("features").array().notNull(),
    depotLat: doublePrecision("depot_lat").notNull(),
    depotLon: doublePrecision("depot_lon").notNull(),
    availableFrom: text("available_from").notNull(),
    availableTo: text("available_to").notNull(),
    fixedCostPence: pence("fixed_cost_pence").notNull(),
    costPerKmPence: pence("cost_per_km_pence").notNull(),
    costPerHourPence: pence("cost_per_hour_pence").notNull(),
    co2GramsPerKm: doublePrecision("co2_grams_per_km"),
    funderIds: uuid("funder_ids").array().notNull().default(sql`'{}'::uuid[]`),
    ...importedBy(),
    ...stamps(),
  },
  (t) => [uniqueIndex("vehicles_org_ref_key").on(t.organisationId, t.reference)],
);

/** Drivers and passenger assistants. Personal data: every access is audited. */
export const staff = pgTable(
  "staff",
  {
    id: id(),
    organisationId: organisationId(),
    operatorId: uuid("operator_id").references(() => operators.id),
    reference: text("reference").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    volunteer: boolean("volunteer").notNull(),
    dbsExpiry: date("dbs_expiry"),
    licenceExpiry: date("licence_expiry"),
    shifts: jsonb("shifts").$type<{ weekdays: string[]; start: string; end: string }[]>().notNull(),
    ...stamps(),
  },
  (t) => [uniqueIndex("staff_org_ref_key").on(t.organisationId, t.reference)],
);

export const termCalendars = pgTable("term_calendars", {
  id: id(),
  organisationId: organisationId(),
  name: text("name").notNull(),
  periods: jsonb("periods").$type<{ start: string; end: string }[]>().notNull(),
  ...stamps(),
});

/**
 * An operator's offer of its vehicles to another organisation, by weekday, hours and dates
 * (`AvailabilityGrantInput`). The vehicles stay in the operator's register; the grantee plans with
 * them. Grants of one vehicle never overlap (checked when a grant is made).
 */
export const availabilityGrants = pgTable(
  "availability_grants",
  {
    id: id(),
    /** The grantor: the organisation whose register holds the vehicles. */
    organisationId: organisationId(),
    granteeId: uuid("grantee_id")
      .notNull()
      .references(() => organisations.id),
    vehicleIds: uuid("vehicle_ids").array().notNull(),
    weekdays: text("weekdays").array().$type<Weekday[]>().notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }).notNull(),
    granteeOperatorId: uuid("grantee_operator_id").references(() => operators.id),
    funderIds: uuid("funder_ids").array().notNull(),
    fixedCostPence: pence("fixed_cost_pence"),
    costPerKmPence: pence("cost_per_km_pence"),
    costPerHourPence: pence("cost_per_hour_pence"),
    withdrawn: boolean("withdrawn").notNull().default(false),
    ...stamps(),
  },
  (t) => [
    index("availability_grants_org_idx").on(t.organisationId),
    index("availability_grants_grantee_idx").on(t.granteeId),
  ],
);
