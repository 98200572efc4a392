import type {
  AgreementApproval,
  AgreementInput,
  AgreementStatus,
  DataItem,
  SharingPurpose,
} from "@tt/domain";
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, stamps } from "./common";
import { organisations, users } from "./organisations";

/**
 * A partnership is an organisation of kind `partnership` (its users sign in to it) with member
 * organisations; it reaches members' data only through agreements.
 */
export const partnerships = pgTable("partnerships", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** The version of the mixing policy its plans and analyses apply. */
  mixingPolicy: text("mixing_policy").notNull(),
  ...stamps(),
});

export const partnershipMembers = pgTable(
  "partnership_members",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.organisationId, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.memberId] }),
    index("partnership_members_member_idx").on(t.memberId),
  ],
);

/**
 * Data-sharing agreements. Not owned by one organisation: every party (provider or recipient)
 * sees it, nobody else. `pseudonym_key` makes the agreement's stable pseudonyms; it never leaves
 * the server.
 */
export const sharingAgreements = pgTable(
  "sharing_agreements",
  {
    id: id(),
    /** The party that drafted it. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    partnershipId: uuid("partnership_id").references(() => partnerships.organisationId),
    providers: uuid("providers").array().notNull(),
    recipients: uuid("recipients").array().notNull(),
    purposes: text("purposes").array().$type<SharingPurpose[]>().notNull(),
    dataItems: text("data_items").array().$type<DataItem[]>().notNull(),
    lawfulBasis: jsonb("lawful_basis").$type<AgreementInput["lawfulBasis"]>().notNull(),
    caldicottApproval: jsonb("caldicott_approval").$type<AgreementInput["caldicottApproval"]>(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    reviewDate: date("review_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    status: text("status").$type<AgreementStatus>().notNull(),
    purposesVersion: integer("purposes_version").notNull(),
    approvals: jsonb("approvals").$type<AgreementApproval[]>().notNull(),
    pseudonymKey: text("pseudonym_key").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    ...stamps(),
  },
  (t) => [
    uniqueIndex("sharing_agreements_reference_key").on(t.reference),
    index("sharing_agreements_status_idx").on(t.status),
  ],
);
