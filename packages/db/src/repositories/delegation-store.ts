import { AppError, type DelegationStore, type UnmetDemandStore } from "@tt/app";
import type { Delegation } from "@tt/domain";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { delegations, unmetDemand } from "../schema";
import { isUniqueViolation, translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof delegations.$inferSelect;

function toDelegation(row: Row): Delegation {
  return {
    id: row.id,
    councilId: row.councilId,
    consortiumId: row.consortiumId,
    financialYear: row.financialYear,
    budgetPence: row.budgetPence,
    area: row.area,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A second accepted delegation for a consortium and year; the other council is not named. */
const acceptedAlready = () =>
  new AppError(
    "conflict",
    "The consortium has already accepted a budget for that year: only one counts at a time.",
    [{ path: "financialYear", message: "a budget for this year is already accepted" }],
  );

/** Delegations to local consortia; a change locks its row (`lock`). */
export function createDelegationStore(db: Db): DelegationStore {
  const t = delegations;
  return {
    async create(councilId, input) {
      try {
        const [row] = await db
          .insert(t)
          .values({ councilId, ...input })
          .returning();
        return toDelegation(row!);
      } catch (error) {
        if (isUniqueViolation(error)) throw acceptedAlready();
        return translatePgError(error, "delegation");
      }
    },
    async findFor(organisationId, id) {
      if (!isUuid(id) || !isUuid(organisationId)) return undefined;
      const party = or(eq(t.councilId, organisationId), eq(t.consortiumId, organisationId));
      const [row] = await db
        .select()
        .from(t)
        .where(and(eq(t.id, id), party));
      return row ? toDelegation(row) : undefined;
    },
    async lock(id) {
      if (!isUuid(id)) return;
      await db.execute(sql`SELECT id FROM delegations WHERE id = ${id} FOR UPDATE`);
    },
    async list(organisationId, side) {
      if (!isUuid(organisationId)) return [];
      const mine =
        side === "made" ? eq(t.councilId, organisationId) : eq(t.consortiumId, organisationId);
      const rows = await db
        .select()
        .from(t)
        .where(mine)
        .orderBy(asc(t.financialYear), asc(t.id))
        .limit(500);
      return rows.map(toDelegation);
    },
    async forConsortium(consortiumId, years) {
      if (!isUuid(consortiumId) || years.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(
          and(
            eq(t.consortiumId, consortiumId),
            inArray(t.financialYear, [...years]),
            eq(t.status, "accepted"),
          ),
        )
        .orderBy(asc(t.financialYear));
      return rows.map(toDelegation);
    },
    async update(id, change) {
      const [row] = await db
        .update(t)
        .set({ ...change, updatedAt: new Date() })
        .where(eq(t.id, id))
        .returning();
      if (!row) throw new Error(`no delegation ${id}`);
      return toDelegation(row);
    },
    async setStatus(id, status) {
      try {
        const [row] = await db
          .update(t)
          .set({ status, updatedAt: new Date() })
          .where(eq(t.id, id))
          .returning();
        if (!row) throw new Error(`no delegation ${id}`);
        return toDelegation(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw acceptedAlready();
        return translatePgError(error, "delegation");
      }
    },
  };
}

/** Rows of parish needs surveys. */
export function createUnmetDemandStore(db: Db): UnmetDemandStore {
  const t = unmetDemand;
  return {
    async insertMany(organisationId, rows) {
      if (rows.length === 0) return 0;
      for (let k = 0; k < rows.length; k += 500) {
        const chunk = rows
          .slice(k, k + 500)
          .map((r) => ({ organisationId, ...r, days: [...r.days] }));
        await db.insert(t).values(chunk);
      }
      return rows.length;
    },
    async list(organisationId, limit) {
      if (!isUuid(organisationId)) return [];
      const rows = await db
        .select()
        .from(t)
        .where(eq(t.organisationId, organisationId))
        .orderBy(asc(t.survey), asc(t.time), asc(t.id))
        .limit(limit);
      return rows.map((r) => ({
        id: r.id,
        organisationId: r.organisationId,
        survey: r.survey,
        originLat: r.originLat,
        originLon: r.originLon,
        destinationLat: r.destinationLat,
        destinationLon: r.destinationLon,
        purpose: r.purpose,
        days: r.days,
        time: r.time,
        count: r.count,
        importedAt: r.createdAt.toISOString(),
      }));
    },
  };
}
