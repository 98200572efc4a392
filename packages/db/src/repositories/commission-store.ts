import {
  AppError,
  type CommissionChange,
  type CommissionStore,
  MONTH_COMMISSIONS_MAX,
} from "@tt/app";
import type { Commission } from "@tt/domain";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { commissions } from "../schema";
import { isUniqueViolation, translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof commissions.$inferSelect;

function completionOf(row: Row): Pick<Commission, "completion"> {
  if (row.completedOn === null || row.mileTenths === null || row.driverStaffId === null) return {};
  return {
    completion: Object.assign(
      { date: row.completedOn, mileTenths: row.mileTenths, driverStaffId: row.driverStaffId },
      row.vehicleId === null ? {} : { vehicleId: row.vehicleId },
    ),
  };
}

function toCommission(row: Row): Commission {
  return Object.assign(
    {
      id: row.id,
      buyerId: row.buyerId,
      groupId: row.groupId,
      planId: row.planId,
      tripRequestId: row.tripRequestId,
      date: row.date,
      trip: row.trip,
      passengerClass: row.passengerClass,
      rate: { pence: row.ratePence, version: row.rateVersion, source: row.rateSource },
      deadline: row.deadline.toISOString(),
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    row.contractId === null ? {} : { contractId: row.contractId },
    row.answeredAt === null ? {} : { answeredAt: row.answeredAt.toISOString() },
    completionOf(row),
    row.disputeReason === null ? {} : { disputeReason: row.disputeReason },
  );
}

function changeColumns(change: CommissionChange) {
  const stamp = { status: change.status, updatedAt: change.at };
  if (change.status === "completed") {
    const c = change.completion;
    return {
      ...stamp,
      completedOn: c.date,
      mileTenths: c.mileTenths,
      driverStaffId: c.driverStaffId,
      vehicleId: c.vehicleId ?? null,
      completedAt: change.at,
      completedBy: change.by,
    };
  }
  if (change.status === "disputed") {
    return { ...stamp, disputeReason: change.reason, disputedAt: change.at, disputedBy: change.by };
  }
  return { ...stamp, answeredAt: change.at, answeredBy: change.by };
}

const monthBounds = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { from: `${month}-01`, before: next };
};

/** Commissions; a change locks its row (`lock`) so two cannot cross. */
export function createCommissionStore(db: Db): CommissionStore {
  const t = commissions;
  return {
    async offer(buyerId, offers, now) {
      if (offers.length === 0) return [];
      const trips = offers.map((o) => o.tripRequestId);
      await db
        .update(t)
        .set({ status: "lapsed", updatedAt: now })
        .where(
          and(
            eq(t.buyerId, buyerId),
            inArray(t.tripRequestId, trips),
            eq(t.status, "offered"),
            lt(t.deadline, now),
          ),
        );
      try {
        const rows = await db
          .insert(t)
          .values(
            offers.map((o) => ({
              ...o,
              buyerId,
              ratePence: o.rate.pence,
              rateVersion: o.rate.version,
              rateSource: o.rate.source,
              deadline: new Date(o.deadline),
            })),
          )
          .returning();
        return rows.map(toCommission);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", "A trip is already offered or commissioned for that day.");
        }
        return translatePgError(error, "commission");
      }
    },
    async findFor(organisationId, id) {
      if (!isUuid(id) || !isUuid(organisationId)) return undefined;
      const party = sql`(${t.buyerId} = ${organisationId} OR ${t.groupId} = ${organisationId})`;
      const [row] = await db
        .select()
        .from(t)
        .where(and(eq(t.id, id), party));
      return row ? toCommission(row) : undefined;
    },
    async lock(id) {
      if (!isUuid(id)) return;
      await db.execute(sql`SELECT id FROM commissions WHERE id = ${id} FOR UPDATE`);
    },
    async change(id, change) {
      const [row] = await db.update(t).set(changeColumns(change)).where(eq(t.id, id)).returning();
      if (!row) throw new Error(`no commission ${id}`);
      return toCommission(row);
    },
    async list(organisationId, side, month, counterpartId) {
      if (!isUuid(organisationId) || (counterpartId !== undefined && !isUuid(counterpartId))) {
        return [];
      }
      const [mine, theirs] = side === "offered" ? [t.buyerId, t.groupId] : [t.groupId, t.buyerId];
      const { from, before } = monthBounds(month);
      const rows = await db
        .select()
        .from(t)
        .where(
          and(
            eq(mine, organisationId),
            gte(t.date, from),
            lt(t.date, before),
            counterpartId ? eq(theirs, counterpartId) : undefined,
          ),
        )
        .orderBy(asc(t.date), asc(t.createdAt), asc(t.id))
        .limit(MONTH_COMMISSIONS_MAX + 1);
      return rows.map(toCommission);
    },
  };
}

/**
 * On a passenger's erasure: the home address in the trips the buyer offered of theirs becomes
 * "Home (address erased)"; the pseudonymised reference, places, times and miles stay.
 */
export async function eraseCommissionHomes(
  db: Db,
  buyerId: string,
  passengerId: string,
): Promise<void> {
  const home = (end: "pickup" | "dropoff") =>
    sql`case when ${commissions.trip}->>${end} like 'Home:%' then 'Home (address erased)' else ${commissions.trip}->>${end} end`;
  await db.execute(sql`update commissions
    set trip = trip || jsonb_build_object('pickup', ${home("pickup")}, 'dropoff', ${home("dropoff")})
    where buyer_id = ${buyerId} and trip_request_id in (
      select id from trip_requests where organisation_id = ${buyerId} and passenger_id = ${passengerId})`);
}
