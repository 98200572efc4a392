import { createHash } from "node:crypto";
import type { AuditEntry, AuditEntryInput, AuditListQuery, AuditLog } from "@tt/app";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { queryRows } from "../raw-query";
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

/**
 * The canonical JSON of the hashed fields except the previous row's hash, without its closing
 * bracket: the hash is taken over this, `,`, the previous hash as a JSON string, and `]` (the
 * database's `tt_append_audit` does the same, migration 0009).
 */
function hashedHead(entry: AuditEntryInput, at: string): string {
  const canonical = canonicalJson([
    entry.organisationId,
    entry.userId,
    at,
    entry.action,
    entry.resource,
    entry.resourceIds,
    entry.purpose,
    entry.details ?? null,
  ]);
  return canonical.slice(0, -1);
}

/** The hash covers every field a tamperer could change, and the previous row's hash. */
export function hashAuditEntry(entry: AuditEntryInput, at: string, prevHash: string): string {
  const canonical = `${hashedHead(entry, at)},${JSON.stringify(prevHash)}]`;
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

/**
 * One statement: the database serialises appends per organisation (an advisory lock) so that the
 * chain has no forks, reads the previous hash and stores the entry with its own.
 */
async function appendEntry(db: Db, entry: AuditEntryInput): Promise<AuditEntry> {
  const at = new Date().toISOString();
  const [row] = await queryRows<{ id: string | number; prev_hash: string; hash: string }>(
    db,
    sql`select * from tt_append_audit(${entry.organisationId}, ${entry.userId ?? null}, ${at}, ${entry.action}, ${entry.resource}, ${sql.param([...entry.resourceIds])}::text[], ${entry.purpose}, ${entry.details === undefined ? null : JSON.stringify(entry.details)}::jsonb, ${hashedHead(entry, at)})`,
  );
  if (!row) throw new Error("tt_append_audit stored no row");
  return {
    id: Number(row.id),
    organisationId: entry.organisationId,
    userId: entry.userId ?? null,
    at,
    action: entry.action,
    resource: entry.resource,
    resourceIds: [...entry.resourceIds],
    purpose: entry.purpose,
    ...(entry.details ? { details: entry.details } : {}),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The organisation's entries, narrowed by every filter the query gives. */
function listConditions(organisationId: string, query: AuditListQuery): SQL[] {
  const conditions: SQL[] = [eq(auditLog.organisationId, organisationId)];
  if (query.resource) conditions.push(eq(auditLog.resource, query.resource));
  if (query.resourceId) conditions.push(sql`${query.resourceId} = any(${auditLog.resourceIds})`);
  if (query.userId) conditions.push(eq(auditLog.userId, query.userId));
  if (query.agreementId)
    conditions.push(sql`${auditLog.details}->>'agreementId' = ${query.agreementId}`);
  return conditions;
}

export function createAuditLog(db: Db): AuditLog {
  return {
    append: (entry) => appendEntry(db, entry),
    async list(organisationId, query) {
      const where = and(...listConditions(organisationId, query));
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
