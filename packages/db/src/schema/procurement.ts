import type {
  ComplianceDocumentKind,
  ContractPriceBasis,
  ContractStatus,
  DpsApplicationStatus,
  DpsCategory,
  Lot,
  LotRule,
  Section19Class,
} from "@tt/domain";
import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, stamps } from "./common";
import { organisations } from "./organisations";
import { vehicles } from "./register";

/**
 * Operators' compliance documents: licences, permits, insurance and MOTs, each about the holding
 * organisation or one of its vehicles. A renewal is a new row; old rows stay as the record of what
 * was held when.
 */
export const complianceDocuments = pgTable(
  "compliance_documents",
  {
    id: id(),
    /** The holder: the organisation whose licence it is, or whose register holds the vehicle. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind").$type<ComplianceDocumentKind>().notNull(),
    vehicleId: uuid("vehicle_id").references(() => vehicles.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    number: text("number").notNull(),
    validFrom: date("valid_from", { mode: "string" }),
    expiresOn: date("expires_on", { mode: "string" }).notNull(),
    /** A section 19 permit's classes of passenger; absent: every class the law allows. */
    passengerClasses: text("passenger_classes").array().$type<Section19Class[]>(),
    ...stamps(),
  },
  (t) => [
    index("compliance_documents_org_idx").on(t.organisationId, t.expiresOn),
    index("compliance_documents_vehicle_idx").on(t.vehicleId),
  ],
);

/**
 * Expiry warnings emailed about compliance documents: one row per document and threshold (60, 30,
 * 7, or 0 once lapsed), so each goes once whatever the restarts and the number of processes. A
 * process claims a warning (`sent_at` empty, held until `claimed_until`) before sending it and
 * marks it sent after; a claim whose process died runs out and is taken again.
 */
export const complianceWarningsSent = pgTable(
  "compliance_warnings_sent",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => complianceDocuments.id, { onDelete: "cascade" }),
    threshold: integer("threshold").notNull(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** How many users it reached (never who). */
    recipients: integer("recipients"),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.threshold] })],
);

/**
 * Operators' applications to buyers' dynamic purchasing systems: the categories applied for and
 * where each application stands. One open application per operator and buyer.
 */
export const dpsApplications = pgTable(
  "dps_applications",
  {
    id: id(),
    operatorId: uuid("operator_id")
      .notNull()
      .references(() => organisations.id),
    buyerId: uuid("buyer_id")
      .notNull()
      .references(() => organisations.id),
    categories: text("categories").array().$type<DpsCategory[]>().notNull(),
    status: text("status").$type<DpsApplicationStatus>().notNull().default("applied"),
    reason: text("reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("dps_applications_open_idx")
      .on(t.operatorId, t.buyerId)
      .where(sql`${t.status} in ('applied', 'admitted', 'suspended')`),
    index("dps_applications_buyer_idx").on(t.buyerId, t.status),
  ],
);

/**
 * Contracts between a buyer and an operator: the price, the operator's vehicles it prices, the
 * runs it covers, its dates and where it stands. Both parties read it; the buyer writes it.
 */
export const contracts = pgTable(
  "contracts",
  {
    id: id(),
    buyerId: uuid("buyer_id")
      .notNull()
      .references(() => organisations.id),
    operatorId: uuid("operator_id")
      .notNull()
      .references(() => organisations.id),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    funderIds: uuid("funder_ids").array().notNull(),
    priceBasis: text("price_basis").$type<ContractPriceBasis>().notNull(),
    pricePence: integer("price_pence"),
    vehicleIds: uuid("vehicle_ids").array().notNull(),
    runs: text("runs").array().notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    breakDates: date("break_dates", { mode: "string" }).array().notNull(),
    status: text("status").$type<ContractStatus>().notNull().default("draft"),
    endedOn: date("ended_on", { mode: "string" }),
    reason: text("reason"),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("contracts_buyer_reference_idx").on(t.buyerId, t.reference),
    index("contracts_operator_idx").on(t.operatorId, t.status),
  ],
);

/**
 * Mini-competitions: lots packaged from a buyer's plan, put out to the operators admitted to its
 * DPS in the categories named, with a deadline before which no bid can be read.
 */
export const competitions = pgTable(
  "competitions",
  {
    id: id(),
    buyerId: uuid("buyer_id")
      .notNull()
      .references(() => organisations.id),
    planId: uuid("plan_id").notNull(),
    rule: text("rule").$type<LotRule>().notNull(),
    title: text("title").notNull(),
    categories: text("categories").array().$type<DpsCategory[]>().notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    priceWeight: integer("price_weight").notNull(),
    invited: uuid("invited").array().notNull(),
    ...stamps(),
  },
  (t) => [index("competitions_buyer_idx").on(t.buyerId, t.createdAt)],
);

/** A competition's lots as packaged when it was put out (no passenger in them). */
export const competitionLots = pgTable(
  "competition_lots",
  {
    id: id(),
    competitionId: uuid("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    lot: jsonb("lot").$type<Lot>().notNull(),
    contractId: uuid("contract_id").references(() => contracts.id),
    ...stamps(),
  },
  (t) => [index("competition_lots_competition_idx").on(t.competitionId)],
);

/** Sealed bids: one per operator and lot, replaced until the deadline. */
export const bids = pgTable(
  "bids",
  {
    id: id(),
    competitionId: uuid("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    lotId: uuid("lot_id")
      .notNull()
      .references(() => competitionLots.id, { onDelete: "cascade" }),
    operatorId: uuid("operator_id")
      .notNull()
      .references(() => organisations.id),
    pricePence: integer("price_pence").notNull(),
    vehicleIds: uuid("vehicle_ids").array().notNull(),
    /** The drivers and passenger assistants offered (the operator's staff records). */
    staffIds: uuid("staff_ids").array().notNull().default([]),
    unfit: text("unfit").array().notNull(),
    quality: integer("quality"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("bids_lot_operator_idx").on(t.lotId, t.operatorId),
    index("bids_competition_idx").on(t.competitionId),
  ],
);
