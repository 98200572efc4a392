import type { ComplianceDocumentKind } from "@tt/domain";
import { date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
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
    ...stamps(),
  },
  (t) => [
    index("compliance_documents_org_idx").on(t.organisationId, t.expiresOn),
    index("compliance_documents_vehicle_idx").on(t.vehicleId),
  ],
);
