import type {
  EntitlementQuery,
  EntitlementStore,
  NewEntitlementDecision,
  StoredEntitlementDecision,
} from "@tt/app";
import { policyVersionOf } from "@tt/app";
import type { EntitlementDecision, Regime } from "@tt/domain";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../create-db";
import { entitlementDecisions } from "../schema";
import { isUuid } from "./record-repository";

type Row = typeof entitlementDecisions.$inferSelect;

function toStored(row: Row): StoredEntitlementDecision {
  return {
    id: row.id,
    organisationId: row.organisationId,
    passengerId: row.passengerId,
    regime: row.regime as Regime,
    category: row.category,
    eligible: row.eligible,
    policyVersion: row.policyVersion,
    assessedOn: row.assessedOn,
    reviewDate: row.reviewDate,
    appealDeadline: row.appealDeadline,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    decision: row.decision as unknown as EntitlementDecision,
  };
}

function rowOf(organisationId: string, input: NewEntitlementDecision) {
  const { decision } = input;
  return {
    organisationId,
    passengerId: input.passengerId,
    createdBy: input.createdBy,
    regime: decision.regime,
    category: decision.category,
    eligible: decision.eligible,
    decision: decision as unknown as Record<string, unknown>,
    policyVersion: policyVersionOf(decision),
    assessedOn: decision.assessedOn,
    reviewDate: decision.reviewDate,
    appealDeadline: decision.appealDeadline,
  };
}

async function listDecisions(db: Db, organisationId: string, query: EntitlementQuery) {
  const conditions: SQL[] = [eq(entitlementDecisions.organisationId, organisationId)];
  if (query.passengerId !== undefined) {
    if (!isUuid(query.passengerId)) return { items: [], total: 0 };
    conditions.push(eq(entitlementDecisions.passengerId, query.passengerId));
  }
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(entitlementDecisions)
    .where(where)
    .orderBy(desc(entitlementDecisions.createdAt), desc(entitlementDecisions.id))
    .offset(query.offset)
    .limit(query.limit);
  const [total] = await db.select({ n: count() }).from(entitlementDecisions).where(where);
  return { items: rows.map(toStored), total: total?.n ?? 0 };
}

/** Entitlement decisions in `entitlement_decisions`, scoped by organisation. */
export function createEntitlementStore(db: Db): EntitlementStore {
  return {
    async create(organisationId, input) {
      const [row] = await db
        .insert(entitlementDecisions)
        .values(rowOf(organisationId, input))
        .returning();
      return toStored(row!);
    },
    async find(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .select()
        .from(entitlementDecisions)
        .where(
          and(
            eq(entitlementDecisions.organisationId, organisationId),
            eq(entitlementDecisions.id, id),
          ),
        );
      return row ? toStored(row) : undefined;
    },
    list: (organisationId, query) => listDecisions(db, organisationId, query),
  };
}
