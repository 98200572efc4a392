import type { RunEventStore, StoredRunEvent } from "@tt/app";
import { NO_SHOW_REASON_CODES, RUN_EVENT_KINDS, RUN_STOP_KINDS } from "@tt/domain";
import { and, asc, count, desc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../create-db";
import { runEvents } from "../schema";
import { isUuid } from "./record-repository";

type Row = typeof runEvents.$inferSelect;

/** A stored text read back as one of its list's values; a value from outside the list is a fault. */
function oneOf<T extends string>(list: readonly T[], value: string, column: string): T {
  const found = list.find((v) => v === value);
  if (found === undefined) throw new Error(`run_events.${column} holds an unknown value`);
  return found;
}

const toEvent = (row: Row): StoredRunEvent => ({
  id: row.id,
  serviceDate: row.serviceDate,
  vehicleId: row.vehicleId,
  tripRequestId: row.tripRequestId,
  stop: oneOf(RUN_STOP_KINDS, row.stop, "stop"),
  kind: oneOf(RUN_EVENT_KINDS, row.kind, "kind"),
  reason: row.reason === null ? undefined : oneOf(NO_SHOW_REASON_CODES, row.reason, "reason"),
  reasonsVersion: row.reasonsVersion,
  at: row.occurredAt.toISOString(),
  planId: row.planId,
  recordedBy: row.recordedBy,
  recordedAt: row.recordedAt.toISOString(),
});

/** Events marked at stops; an event's id is stored once per organisation (a resend adds nothing). */
export function createRunEventStore(db: Db): RunEventStore {
  const t = runEvents;
  const ofDay = (organisationId: string, serviceDate: string) =>
    and(eq(t.organisationId, organisationId), eq(t.serviceDate, serviceDate));
  return {
    async append(organisationId, events) {
      if (events.length === 0) return 0;
      const rows = events.map(({ at, reason, ...e }) => ({
        ...e,
        organisationId,
        reason: reason ?? null,
        occurredAt: new Date(at),
      }));
      const added = await db
        .insert(t)
        .values(rows)
        .onConflictDoNothing({ target: [t.organisationId, t.id] })
        .returning({ id: t.id });
      return added.length;
    },
    async listForDay(organisationId, serviceDate, vehicleIds) {
      const only = vehicleIds?.filter(isUuid);
      if (only?.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(ofDay(organisationId, serviceDate), only && inArray(t.vehicleId, only)))
        .orderBy(asc(t.recordedAt), asc(t.id));
      return rows.map(toEvent);
    },
    async markOfDay(organisationId, serviceDate) {
      const [row] = await db
        .select({ n: count(), latest: max(t.recordedAt) })
        .from(t)
        .where(ofDay(organisationId, serviceDate));
      return { count: Number(row?.n ?? 0), latest: row?.latest?.toISOString() ?? null };
    },
    async listForTrips(organisationId, tripRequestIds) {
      const ids = tripRequestIds.filter(isUuid);
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.organisationId, organisationId), inArray(t.tripRequestId, ids)))
        .orderBy(desc(t.occurredAt));
      return rows.map(toEvent);
    },
  };
}
