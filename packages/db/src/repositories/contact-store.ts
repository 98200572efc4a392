import { AppError, type ContactStore, type StoredContact } from "@tt/app";
import { CONTACT_CHANNELS, CONTACT_RELATIONSHIPS } from "@tt/domain";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { contacts, passengers, tripRequests } from "../schema";
import { isUniqueViolation } from "./pg-errors";
import { isUuid } from "./record-repository";

type Row = typeof contacts.$inferSelect;

/** A stored text read back as one of its list's values; a value from outside the list is a fault. */
function oneOf<T extends string>(list: readonly T[], value: string, column: string): T {
  const found = list.find((v) => v === value);
  if (found === undefined) throw new Error(`contacts.${column} holds an unknown value`);
  return found;
}

export const toContact = (row: Row): StoredContact => ({
  id: row.id,
  organisationId: row.organisationId,
  passengerId: row.passengerId,
  channel: oneOf(CONTACT_CHANNELS, row.channel, "channel"),
  address: row.address,
  relationship: oneOf(CONTACT_RELATIONSHIPS, row.relationship, "relationship"),
  name: row.name,
  optedOutAt: row.optedOutAt?.toISOString() ?? null,
  optOutToken: row.optOutToken,
  createdAt: row.createdAt.toISOString(),
});

/** Passengers' contacts, scoped to the organisation (but the opt-out link, which any may follow). */
export function createContactStore(db: Db): ContactStore {
  const t = contacts;
  const mine = (organisationId: string, id: string) =>
    and(eq(t.organisationId, organisationId), eq(t.id, id));
  return {
    async create(organisationId, passengerId, input) {
      try {
        const [row] = await db
          .insert(t)
          .values({ ...input, name: input.name ?? null, organisationId, passengerId })
          .returning();
        if (!row) throw new Error("contacts: insert returned no row");
        return toContact(row);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new AppError("conflict", "The passenger already has this contact.", [
          { path: "address", message: "already a contact of this passenger" },
        ]);
      }
    },
    async listForPassenger(organisationId, passengerId) {
      if (!isUuid(passengerId)) return [];
      const rows = await db
        .select()
        .from(t)
        .where(and(eq(t.organisationId, organisationId), eq(t.passengerId, passengerId)))
        .orderBy(asc(t.createdAt), asc(t.id));
      return rows.map(toContact);
    },
    async listForTrips(organisationId, tripRequestIds) {
      const ids = tripRequestIds.filter(isUuid);
      if (ids.length === 0) return [];
      const rows = await db
        .select({
          tripRequestId: tripRequests.id,
          tripReference: tripRequests.reference,
          passengerId: passengers.id,
          givenName: passengers.givenName,
          contact: t,
        })
        .from(tripRequests)
        .innerJoin(passengers, eq(passengers.id, tripRequests.passengerId))
        .innerJoin(t, and(eq(t.passengerId, passengers.id), eq(t.organisationId, organisationId)))
        .where(
          and(
            eq(tripRequests.organisationId, organisationId),
            inArray(tripRequests.id, ids),
            isNull(passengers.erasedAt),
          ),
        )
        .orderBy(asc(tripRequests.id), asc(t.createdAt), asc(t.id));
      const byTrip = new Map<
        string,
        { head: Omit<(typeof rows)[number], "contact">; list: StoredContact[] }
      >();
      for (const { contact, ...head } of rows) {
        const entry = byTrip.get(head.tripRequestId) ?? { head, list: [] };
        entry.list.push(toContact(contact));
        byTrip.set(head.tripRequestId, entry);
      }
      return [...byTrip.values()].map(({ head, list }) => ({ ...head, contacts: list }));
    },
    async optOut(organisationId, id, at) {
      if (!isUuid(id)) return undefined;
      const [row] = await db
        .update(t)
        .set({ optedOutAt: sql`coalesce(${t.optedOutAt}, ${at}::timestamptz)` })
        .where(mine(organisationId, id))
        .returning();
      return row && toContact(row);
    },
    async optOutByToken(token, at) {
      const [row] = await db
        .update(t)
        .set({ optedOutAt: sql`coalesce(${t.optedOutAt}, ${at}::timestamptz)` })
        .where(eq(t.optOutToken, token))
        .returning();
      return row && toContact(row);
    },
    async remove(organisationId, id) {
      if (!isUuid(id)) return false;
      const rows = await db.delete(t).where(mine(organisationId, id)).returning({ id: t.id });
      return rows.length > 0;
    },
  };
}
