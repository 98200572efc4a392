import type { GrantStore } from "@tt/app";
import type { AvailabilityGrant } from "@tt/domain";
import { and, arrayOverlaps, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { availabilityGrants } from "../schema";
import { translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof availabilityGrants.$inferSelect;

function toGrant(row: Row): AvailabilityGrant {
  return Object.assign(
    {
      id: row.id,
      organisationId: row.organisationId,
      granteeId: row.granteeId,
      vehicleIds: row.vehicleIds,
      weekdays: row.weekdays,
      startTime: row.startTime,
      endTime: row.endTime,
      validFrom: row.validFrom,
      validTo: row.validTo,
      funderIds: row.funderIds,
      withdrawn: row.withdrawn,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    row.granteeOperatorId ? { granteeOperatorId: row.granteeOperatorId } : {},
    row.fixedCostPence === null ? {} : { fixedCostPence: row.fixedCostPence },
    row.costPerKmPence === null ? {} : { costPerKmPence: row.costPerKmPence },
    row.costPerHourPence === null ? {} : { costPerHourPence: row.costPerHourPence },
  );
}

/** Availability grants; a grantor's grants are made one at a time (`lockGrantor`). */
export function createGrantStore(db: Db): GrantStore {
  const t = availabilityGrants;
  return {
    async create(grantorId, input) {
      try {
        const [row] = await db
          .insert(t)
          .values({ ...input, organisationId: grantorId })
          .returning();
        return toGrant(row!);
      } catch (error) {
        return translatePgError(error, "availability grant");
      }
    },
    async lockGrantor(grantorId) {
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`grants:${grantorId}`}))`);
    },
    async listMade(grantorId) {
      if (!isUuid(grantorId)) return [];
      const rows = await db
        .select()
        .from(t)
        .where(eq(t.organisationId, grantorId))
        .orderBy(desc(t.createdAt), asc(t.id));
      return rows.map(toGrant);
    },
    async listReceived(granteeId) {
      if (!isUuid(granteeId)) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.granteeId, granteeId), eq(t.withdrawn, false)))
        .orderBy(asc(t.createdAt), asc(t.id));
      return rows.map(toGrant);
    },
    async listNaming(vehicleIds) {
      const ids = vehicleIds.filter(isUuid);
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.withdrawn, false), arrayOverlaps(t.vehicleIds, ids)));
      return rows.map(toGrant);
    },
    async withdraw(grantorId, id) {
      if (!isUuid(id) || !isUuid(grantorId)) return false;
      const rows = await db
        .update(t)
        .set({ withdrawn: true, updatedAt: new Date() })
        .where(and(eq(t.id, id), eq(t.organisationId, grantorId)))
        .returning({ id: t.id });
      return rows.length > 0;
    },
  };
}
