import type { ComplianceStore } from "@tt/app";
import type { ComplianceDocument } from "@tt/domain";
import { and, asc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../create-db";
import { complianceDocuments, complianceWarningsSent } from "../schema";
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
    async listHolders() {
      const rows = await db
        .selectDistinct({ id: t.organisationId })
        .from(t)
        .orderBy(t.organisationId);
      return rows.map((r) => r.id);
    },
    ...createWarningLedger(db),
  };
}

type WarningLedger = Pick<
  ComplianceStore,
  "listWarningsSent" | "claimWarning" | "markWarningSent" | "releaseWarning"
>;

/** Which expiry warnings went: claimed before sending, marked sent after. */
function createWarningLedger(db: Db): WarningLedger {
  const w = complianceWarningsSent;
  const t = complianceDocuments;
  const key = (documentId: string, threshold: number) =>
    and(eq(w.documentId, documentId), eq(w.threshold, threshold));
  return {
    async listWarningsSent(holderId) {
      if (!isUuid(holderId)) return [];
      const rows = await db
        .select({
          documentId: w.documentId,
          threshold: w.threshold,
          sentAt: w.sentAt,
          recipients: w.recipients,
        })
        .from(w)
        .innerJoin(t, eq(t.id, w.documentId))
        .where(and(eq(t.organisationId, holderId), isNotNull(w.sentAt)))
        .orderBy(asc(w.sentAt));
      return rows.map((r) => ({
        documentId: r.documentId,
        threshold: r.threshold,
        sentAt: r.sentAt!.toISOString(),
        recipients: r.recipients ?? 0,
      }));
    },
    async claimWarning(documentId, threshold, now, until) {
      if (!isUuid(documentId)) return false;
      // One statement: a new row, or a claim never sent whose holder let it run out.
      const rows = await db
        .insert(w)
        .values({ documentId, threshold, claimedUntil: new Date(until) })
        .onConflictDoUpdate({
          target: [w.documentId, w.threshold],
          set: { claimedUntil: new Date(until) },
          setWhere: and(isNull(w.sentAt), lt(w.claimedUntil, new Date(now))),
        })
        .returning({ documentId: w.documentId });
      return rows.length > 0;
    },
    async markWarningSent(documentId, threshold, at, recipients) {
      await db
        .update(w)
        .set({ sentAt: new Date(at), recipients })
        .where(key(documentId, threshold));
    },
    async releaseWarning(documentId, threshold) {
      await db.delete(w).where(and(key(documentId, threshold), isNull(w.sentAt)));
    },
  };
}
