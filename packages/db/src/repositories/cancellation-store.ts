import { AppError, type CancellationStore, type StoredCancellation } from "@tt/app";
import { and, count, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "../create-db";
import { tripCancellations } from "../schema";
import { isUniqueViolation, translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof tripCancellations.$inferSelect;

const toCancellation = (row: Row): StoredCancellation => ({
  id: row.id,
  tripRequestId: row.tripRequestId,
  serviceDate: row.serviceDate,
  reason: row.reason,
  reasonsVersion: row.reasonsVersion,
  cancelledBy: row.cancelledBy,
  planId: row.planId,
  createdAt: row.createdAt.toISOString(),
});

/** Trip cancellations, organisation by organisation; one per trip and day. */
export function createCancellationStore(db: Db): CancellationStore {
  const t = tripCancellations;
  const between = (organisationId: string, from: string, to: string) =>
    and(eq(t.organisationId, organisationId), gte(t.serviceDate, from), lte(t.serviceDate, to));
  return {
    async create(organisationId, input) {
      try {
        const [row] = await db
          .insert(t)
          .values({ organisationId, ...input })
          .returning();
        return toCancellation(row!);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", `The trip is already cancelled on ${input.serviceDate}.`, [
            { path: "date", message: "already cancelled that day" },
          ]);
        }
        return translatePgError(error, "cancellation");
      }
    },
    async find(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select()
        .from(t)
        .where(and(eq(t.organisationId, organisationId), eq(t.id, id)));
      return row && toCancellation(row);
    },
    async listForTrips(organisationId, tripRequestIds) {
      const ids = tripRequestIds.filter(isUuid);
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.organisationId, organisationId), inArray(t.tripRequestId, ids)))
        .orderBy(desc(t.serviceDate), desc(t.createdAt));
      return rows.map(toCancellation);
    },
    async countByReason(organisationId, from, to) {
      const rows = await db
        .select({ reason: t.reason, n: count() })
        .from(t)
        .where(between(organisationId, from, to))
        .groupBy(t.reason);
      return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
    },
    async list(organisationId, from, to, limit) {
      const rows = await db
        .select()
        .from(t)
        .where(between(organisationId, from, to))
        .orderBy(desc(t.serviceDate), desc(t.createdAt))
        .limit(limit);
      return rows.map(toCancellation);
    },
  };
}
