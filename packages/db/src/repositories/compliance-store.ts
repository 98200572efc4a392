import type { ComplianceStore } from "@tt/app";
import type { ComplianceDocument } from "@tt/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../create-db";
import { complianceDocuments } from "../schema";
import { translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof complianceDocuments.$inferSelect;

function toDocument(row: Row): ComplianceDocument {
  return Object.assign(
    {
      id: row.id,
      organisationId: row.organisationId,
      kind: row.kind,
      issuer: row.issuer,
      number: row.number,
      expiresOn: row.expiresOn,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    row.vehicleId ? { vehicleId: row.vehicleId } : {},
    row.validFrom ? { validFrom: row.validFrom } : {},
    row.passengerClasses ? { passengerClasses: row.passengerClasses } : {},
  );
}

/** Compliance documents, each row one document as issued; a renewal is a new row. */
export function createComplianceStore(db: Db): ComplianceStore {
  const t = complianceDocuments;
  const order = [asc(t.expiresOn), asc(t.id)];
  return {
    async create(holderId, input) {
      try {
        const [row] = await db
          .insert(t)
          .values({ ...input, organisationId: holderId })
          .returning();
        return toDocument(row!);
      } catch (error) {
        return translatePgError(error, "compliance document");
      }
    },
    async listHeld(holderId) {
      if (!isUuid(holderId)) return [];
      const rows = await db
        .select()
        .from(t)
        .where(eq(t.organisationId, holderId))
        .orderBy(...order);
      return rows.map(toDocument);
    },
    async listHeldBy(holderIds) {
      const ids = holderIds.filter(isUuid);
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(inArray(t.organisationId, ids))
        .orderBy(...order);
      return rows.map(toDocument);
    },
    async remove(holderId, id) {
      if (!isUuid(id) || !isUuid(holderId)) return false;
      const rows = await db
        .delete(t)
        .where(and(eq(t.id, id), eq(t.organisationId, holderId)))
        .returning({ id: t.id });
      return rows.length > 0;
    },
  };
}
