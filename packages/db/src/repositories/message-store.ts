import type { ClaimedMessage, MessageStore, StoredMessage } from "@tt/app";
import { CONTACT_CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES } from "@tt/domain";
import { and, between, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { queryRows } from "../raw-query";
import { messages } from "../schema";
import { isUuid } from "./record-repository";

type Row = typeof messages.$inferSelect;

/** A stored text read back as one of its list's values; a value from outside the list is a fault. */
function oneOf<T extends string>(list: readonly T[], value: string, column: string): T {
  const found = list.find((v) => v === value);
  if (found === undefined) throw new Error(`messages.${column} holds an unknown value`);
  return found;
}

const toMessage = (row: Row): StoredMessage => ({
  id: row.id,
  contactId: row.contactId,
  passengerId: row.passengerId,
  tripRequestId: row.tripRequestId,
  serviceDate: row.serviceDate,
  kind: oneOf(MESSAGE_KINDS, row.kind, "kind"),
  channel: oneOf(CONTACT_CHANNELS, row.channel, "channel"),
  subject: row.subject,
  body: row.body,
  status: oneOf(MESSAGE_STATUSES, row.status, "status"),
  attempts: row.attempts,
  providerReference: row.providerReference,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

interface ClaimedRow {
  id: string;
  organisation_id: string;
  channel: string;
  subject: string;
  body: string;
  attempts: number;
  service_date: string | Date;
  address: string | null;
  opted_out: boolean | null;
  opt_out_token: string | null;
}

const toClaimed = (row: ClaimedRow): ClaimedMessage => ({
  id: row.id,
  organisationId: row.organisation_id,
  channel: oneOf(CONTACT_CHANNELS, row.channel, "channel"),
  subject: row.subject,
  body: row.body,
  attempts: Number(row.attempts),
  serviceDate:
    row.service_date instanceof Date
      ? row.service_date.toISOString().slice(0, 10)
      : String(row.service_date).slice(0, 10),
  address: row.address,
  optedOut: row.opted_out === true,
  optOutToken: row.opt_out_token,
});

/** Messages per statement when queuing: a day's first publication can queue thousands. */
const ENQUEUE_BATCH = 1_000;

/** The message log and send queue; claims skip rows another dispatcher holds. */
export function createMessageStore(db: Db): MessageStore {
  const t = messages;
  const settle = (id: string, set: Partial<typeof t.$inferInsert>) =>
    db.update(t).set(set).where(eq(t.id, id));
  return {
    async enqueue(organisationId, list) {
      for (let i = 0; i < list.length; i += ENQUEUE_BATCH) {
        const rows = list.slice(i, i + ENQUEUE_BATCH).map((m) => ({ ...m, organisationId }));
        await db.insert(t).values(rows);
      }
      return list.length;
    },
    async claimDue(now, leaseUntil, limit) {
      const rows = await queryRows<ClaimedRow>(
        db,
        sql`with due as (
              select id from messages
               where status in ('queued', 'sending') and due_at <= ${now}::timestamptz
               order by due_at, id limit ${limit} for update skip locked),
            claimed as (
              update messages m set status = 'sending', due_at = ${leaseUntil}::timestamptz,
                     attempts = m.attempts + 1
                from due where m.id = due.id
              returning m.id, m.organisation_id, m.channel, m.subject, m.body, m.attempts,
                        m.contact_id, m.service_date::text as service_date)
            select c.id, c.organisation_id, c.channel, c.subject, c.body, c.attempts,
                   c.service_date,
                   k.address, k.opted_out_at is not null as opted_out, k.opt_out_token
              from claimed c left join contacts k on k.id = c.contact_id
             order by c.id`,
      );
      return rows.map(toClaimed);
    },
    async markSent(id, providerReference, at) {
      await settle(id, { status: "sent", providerReference, sentAt: new Date(at), error: null });
    },
    async markFailed(id, error, retryAt) {
      await settle(
        id,
        retryAt
          ? { status: "queued", error, dueAt: new Date(retryAt) }
          : { status: "failed", error },
      );
    },
    async markWaiting(id, error, retryAt) {
      await db
        .update(t)
        .set({
          status: "queued",
          error,
          dueAt: new Date(retryAt),
          attempts: sql`${t.attempts} - 1`,
        })
        .where(eq(t.id, id));
    },
    async markOptedOut(id) {
      await settle(id, { status: "opted-out" });
    },
    async listForPassenger(organisationId, passengerId, limit) {
      if (!isUuid(passengerId)) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.organisationId, organisationId), eq(t.passengerId, passengerId)))
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(limit);
      return rows.map(toMessage);
    },
    async listForDays(organisationId, from, to, limit) {
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.organisationId, organisationId), between(t.serviceDate, from, to)))
        .orderBy(desc(t.createdAt), desc(t.id))
        .limit(limit);
      return rows.map(toMessage);
    },
  };
}
