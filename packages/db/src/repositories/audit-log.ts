import { createHash } from "node:crypto";
import type { AuditEntry, AuditEntryInput, AuditLog } from "@tt/app";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { auditLog } from "../schema";

const GENESIS = "0".repeat(64);

type AuditRow = typeof auditLog.$inferSelect;

/**
 * JSON with object keys sorted at every depth: jsonb stores keys in its own order, so the hash must
 * not depend on the order the details were written in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The hash covers every field a tamperer could change, and the previous row's hash. */
export function hashAuditEntry(entry: AuditEntryInput, at: string, prevHash: string): string {
  const canonical = canonicalJson([
    entry.organisationId,
    entry.userId,
    at,
    entry.action,
    entry.resource,
    entry.resourceIds,
    entry.purpose,
    entry.details ?? null,
    prevHash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    organisationId: row.organisationId,
    userId: row.userId,
    at: row.at.toISOString(),
    action: row.action as AuditEntry["action"],
    resource: row.resource,
    resourceIds: row.resourceIds,
    purpose: row.purpose,
    ...(row.details ? { details: row.details } : {}),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

async function appendEntry(db: Db, entry: AuditEntryInput): Promise<AuditEntry> {
  // Serialise appends per organisation so the chain has no forks.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${entry.organisationId}))`);
  const [last] = await db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.organisationId, entry.organisationId))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  const hash = hashAuditEntry(entry, at.toISOString(), prevHash);
  const [row] = await db
    .insert(auditLog)
    .values({
      ...entry,
      resourceIds: [...entry.resourceIds],
      details: entry.details ?? null,
      at,
      prevHash,
      hash,
    })
    .returning();
  return toEntry(row!);
}

export function createAuditLog(db: Db, inTransaction: boolean): AuditLog {
  return {
    append: (entry) =>
      inTransaction
        ? appendEntry(db, entry)
        : db.transaction((tx) => appendEntry(tx as unknown as Db, entry)),
    async list(organisationId, query) {
      const conditions: SQL[] = [eq(auditLog.organisationId, organisationId)];
      if (query.resource) conditions.push(eq(auditLog.resource, query.resource));
      if (query.resourceId)
        conditions.push(sql`${query.resourceId} = any(${auditLog.resourceIds})`);
      const where = and(...conditions);
      const rows = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { items: rows.map(toEntry), total: Number(total?.n ?? 0) };
    },
    async verify(organisationId) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.organisationId, organisationId))
        .orderBy(asc(auditLog.id));
      let prevHash = GENESIS;
      for (const row of rows) {
        const entry = toEntry(row);
        const expected = hashAuditEntry(entry, entry.at, prevHash);
        if (row.prevHash !== prevHash || row.hash !== expected) return row.id;
        prevHash = row.hash;
      }
      return undefined;
    },
  };
}
