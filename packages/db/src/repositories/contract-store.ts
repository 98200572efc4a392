import { AppError, type ContractStore } from "@tt/app";
import type { Contract, ContractInput } from "@tt/domain";
import { and, asc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { contracts } from "../schema";
import { isUniqueViolation, translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof contracts.$inferSelect;

function toContract(row: Row): Contract {
  return Object.assign(
    {
      id: row.id,
      buyerId: row.buyerId,
      operatorId: row.operatorId,
      reference: row.reference,
      title: row.title,
      funderIds: row.funderIds,
      price:
        row.pricePence === null
          ? { basis: row.priceBasis }
          : { basis: row.priceBasis, pence: row.pricePence },
      vehicleIds: row.vehicleIds,
      runs: row.runs,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      breakDates: row.breakDates,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    row.endedOn === null ? {} : { endedOn: row.endedOn },
    row.reason === null ? {} : { reason: row.reason },
  );
}

function columns(input: ContractInput) {
  return {
    operatorId: input.operatorId,
    reference: input.reference,
    title: input.title,
    funderIds: [...input.funderIds],
    priceBasis: input.price.basis,
    pricePence: input.price.pence ?? null,
    vehicleIds: [...input.vehicleIds],
    runs: [...input.runs],
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    breakDates: [...input.breakDates].sort(),
  };
}

function sameReference(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError("conflict", "You already have a contract with this reference.", [
      { path: "reference", message: "a contract has this reference" },
    ]);
  }
  return translatePgError(error, "contract");
}

/** Contracts; a change locks its row (`lock`) so two cannot cross. */
export function createContractStore(db: Db): ContractStore {
  const t = contracts;
  return {
    async create(buyerId, input) {
      try {
        const [row] = await db
          .insert(t)
          .values({ buyerId, ...columns(input) })
          .returning();
        return toContract(row!);
      } catch (error) {
        return sameReference(error);
      }
    },
    async findFor(organisationId, id) {
      if (!isUuid(id) || !isUuid(organisationId)) return undefined;
      const party = sql`(${t.buyerId} = ${organisationId} OR ${t.operatorId} = ${organisationId})`;
      const [row] = await db
        .select()
        .from(t)
        .where(and(eq(t.id, id), party));
      return row ? toContract(row) : undefined;
    },
    async lock(id) {
      if (!isUuid(id)) return;
      await db.execute(sql`SELECT id FROM contracts WHERE id = ${id} FOR UPDATE`);
    },
    async list(organisationId, side, status) {
      if (!isUuid(organisationId)) return [];
      const mine =
        side === "bought" ? eq(t.buyerId, organisationId) : eq(t.operatorId, organisationId);
      const rows = await db
        .select()
        .from(t)
        .where(status ? and(mine, eq(t.status, status)) : mine)
        .orderBy(asc(t.reference), asc(t.id))
        .limit(2000);
      return rows.map(toContract);
    },
    async update(id, input) {
      try {
        const [row] = await db
          .update(t)
          .set({ ...columns(input), updatedAt: new Date() })
          .where(eq(t.id, id))
          .returning();
        if (!row) throw new Error(`no contract ${id}`);
        return toContract(row);
      } catch (error) {
        return sameReference(error);
      }
    },
    async move(id, change) {
      const [row] = await db
        .update(t)
        .set({
          status: change.status,
          endedOn: change.endedOn ?? null,
          reason: change.reason ?? null,
          updatedAt: new Date(),
        })
        .where(eq(t.id, id))
        .returning();
      if (!row) throw new Error(`no contract ${id}`);
      return toContract(row);
    },
    async signedOn(buyerIds, date) {
      const ids = buyerIds.filter(isUuid);
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(
          and(
            inArray(t.buyerId, ids),
            ne(t.status, "draft"),
            lte(t.startsOn, date),
            gte(t.endsOn, date),
          ),
        )
        .orderBy(asc(t.reference), asc(t.id));
      return rows.map(toContract);
    },
  };
}
