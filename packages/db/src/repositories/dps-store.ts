import { AppError, type DpsStore } from "@tt/app";
import type { DpsApplication } from "@tt/domain";
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { dpsApplications } from "../schema";
import { isUniqueViolation, translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof dpsApplications.$inferSelect;

function toApplication(row: Row): DpsApplication {
  return Object.assign(
    {
      id: row.id,
      operatorId: row.operatorId,
      buyerId: row.buyerId,
      categories: row.categories,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    row.reason === null ? {} : { reason: row.reason },
    row.decidedAt === null ? {} : { decidedAt: row.decidedAt.toISOString() },
    row.decidedBy === null ? {} : { decidedBy: row.decidedBy },
  );
}

/** DPS applications; a decision locks its row (`lock`) so two cannot cross. */
export function createDpsStore(db: Db): DpsStore {
  const t = dpsApplications;
  return {
    async create(operatorId, input) {
      try {
        const [row] = await db
          .insert(t)
          .values({ operatorId, buyerId: input.buyerId, categories: [...input.categories] })
          .returning();
        return toApplication(row!);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", "You already have an open application to this buyer.", [
            { path: "buyerId", message: "an application to this buyer is open" },
          ]);
        }
        return translatePgError(error, "DPS application");
      }
    },
    async findFor(organisationId, id) {
      if (!isUuid(id) || !isUuid(organisationId)) return undefined;
      const party = or(eq(t.operatorId, organisationId), eq(t.buyerId, organisationId));
      const [row] = await db
        .select()
        .from(t)
        .where(and(eq(t.id, id), party));
      return row ? toApplication(row) : undefined;
    },
    async lock(id) {
      if (!isUuid(id)) return;
      await db.execute(sql`SELECT id FROM dps_applications WHERE id = ${id} FOR UPDATE`);
    },
    async list(organisationId, side, status) {
      if (!isUuid(organisationId)) return [];
      const mine =
        side === "made" ? eq(t.operatorId, organisationId) : eq(t.buyerId, organisationId);
      const rows = await db
        .select()
        .from(t)
        .where(status ? and(mine, eq(t.status, status)) : mine)
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(1000);
      return rows.map(toApplication);
    },
    async move(id, change) {
      const decided = change.decidedBy
        ? { decidedAt: new Date(), decidedBy: change.decidedBy }
        : {};
      const [row] = await db
        .update(t)
        .set({
          status: change.status,
          reason: change.reason ?? null,
          ...decided,
          updatedAt: new Date(),
        })
        .where(eq(t.id, id))
        .returning();
      if (!row) throw new Error(`no DPS application ${id}`);
      return toApplication(row);
    },
  };
}
