import type { ErasureCounts, PlannedStop, SubjectRecordStore } from "@tt/app";
import { type ErasedPassenger, noNeeds } from "@tt/domain";
import { and, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { queryRows } from "../raw-query";
import {
  contacts,
  entitlementDecisions,
  jobs,
  messages,
  observedTaps,
  passengers,
  plans,
  tripRequests,
} from "../schema";
import { eraseCommissionHomes } from "./commission-store";
import { erasePlanPoints } from "./erase-plan-points";
import { published } from "./import-visibility";
import { anyUuid } from "./keyset";
import { isUuid } from "./record-repository";

const FINISHED_JOB = ["succeeded", "failed", "cancelled"] as const;

interface StopRow {
  plan_id: string;
  plan_name: string;
  service_date: string | Date;
  plan_status: string;
  vehicle_id: string | null;
  stop: { kind: "pickup" | "dropoff"; tripRequestId: string; arrival: number; departure: number };
}

const isoDate = (value: string | Date): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

/** What an erased decision says where it explained the person's facts. */
const ERASED_TEXT = "Erased: the facts this explained were the passenger's own.";

/**
 * A decision keeps its outcome, which rules were checked and met, their sources and dates; the
 * texts that explained them (which quote the person's facts), the facts themselves and the
 * alternatives costed for them go.
 */
function withoutFacts(decision: Record<string, unknown>): Record<string, unknown> {
  const reasons = Array.isArray(decision.reasons) ? decision.reasons : [];
  return {
    ...decision,
    summary: ERASED_TEXT,
    reasons: reasons.map((reason: unknown) =>
      typeof reason === "object" && reason !== null
        ? { ...reason, text: ERASED_TEXT, inputs: {} }
        : reason,
    ),
    alternatives: [],
    signposts: [],
    erased: true,
  };
}

/** The text as it stands inside a JSON string (quotes and backslashes escaped). */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

/** The subject records store but for the records kept by day (`createDayRecordRetention`). */
export function createSubjectRecordStore(
  db: Db,
): Omit<SubjectRecordStore, "dayRecordsBefore" | "deleteDayRecordsBefore"> {
  return {
    async plannedStops(organisationId, tripRequestIds) {
      if (tripRequestIds.length === 0) return [];
      const rows = await queryRows<StopRow>(
        db,
        sql`select p.id as plan_id, p.name as plan_name, p.service_date, p.status as plan_status,
              r.vehicle_id, s.stop
            from runs r join plan_runs pr on pr.run_id = r.id join plans p on p.id = pr.plan_id
            cross join lateral jsonb_array_elements(r.stops) as s(stop)
            where r.organisation_id = ${organisationId}
              and s.stop->>'tripRequestId' = any(${sql.param([...tripRequestIds])}::text[])
            order by p.service_date, p.id, (s.stop->>'arrival')::float`,
      );
      return rows.map(
        (row): PlannedStop => ({
          planId: row.plan_id,
          planName: row.plan_name,
          serviceDate: isoDate(row.service_date),
          planStatus: row.plan_status,
          vehicleId: row.vehicle_id,
          tripRequestId: row.stop.tripRequestId,
          kind: row.stop.kind,
          arrival: row.stop.arrival,
          departure: row.stop.departure,
        }),
      );
    },

    async tripRequestIdsOf(organisationId, passengerId) {
      if (!isUuid(passengerId)) return [];
      const rows = await db
        .select({ id: tripRequests.id })
        .from(tripRequests)
        .where(
          and(
            eq(tripRequests.organisationId, organisationId),
            eq(tripRequests.passengerId, passengerId),
          ),
        )
        .orderBy(tripRequests.reference);
      return rows.map((row) => row.id);
    },

    async inactivePassengers(organisationId, cutoff) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`select passengers.id from passengers
            where passengers.organisation_id = ${organisationId} and passengers.erased_at is null
              and ${published(passengers.importId)} and passengers.created_at < ${cutoff}::date
              and not exists (select 1 from trip_requests t where t.passenger_id = passengers.id
                and t.valid_to >= ${cutoff}::date)
              and not exists (select 1 from entitlement_decisions d
                where d.passenger_id = passengers.id
                and (d.assessed_on >= ${cutoff}::date or d.review_date >= ${cutoff}::date))
            order by passengers.reference`,
      );
      return rows.map((row) => row.id);
    },

    async finishedJobsBefore(organisationId, before) {
      const rows = await db
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            eq(jobs.organisationId, organisationId),
            inArray(jobs.status, [...FINISHED_JOB]),
            lt(jobs.finishedAt, before),
          ),
        )
        .orderBy(jobs.finishedAt);
      return rows.map((row) => row.id);
    },

    async deleteFinishedJobs(organisationId, ids) {
      if (ids.length === 0) return 0;
      const deleted = await db
        .delete(jobs)
        .where(
          and(
            eq(jobs.organisationId, organisationId),
            inArray(jobs.status, [...FINISHED_JOB]),
            anyUuid(jobs.id, ids),
          ),
        )
        .returning({ id: jobs.id });
      return deleted.length;
    },

    async erasedAt(organisationId, passengerId) {
      if (!isUuid(passengerId)) return undefined;
      const [row] = await db
        .select({ erasedAt: passengers.erasedAt })
        .from(passengers)
        .where(and(eq(passengers.organisationId, organisationId), eq(passengers.id, passengerId)));
      return row?.erasedAt?.toISOString();
    },

    async erase(organisationId, passengerId, erased) {
      if (!isUuid(passengerId)) return undefined;
      const [before] = await db
        .select({
          reference: passengers.reference,
          homeLat: passengers.homeLat,
          homeLon: passengers.homeLon,
        })
        .from(passengers)
        .where(
          and(
            eq(passengers.organisationId, organisationId),
            eq(passengers.id, passengerId),
            isNull(passengers.erasedAt),
          ),
        );
      if (!before) return undefined;
      await erasePassengerRow(db, organisationId, passengerId, erased);
      const travelWithLists = await renameInTravelWithLists(
        db,
        organisationId,
        before.reference,
        erased.reference,
      );
      const cancelled = await db
        .update(tripRequests)
        .set({ status: "cancelled", updatedAt: new Date() })
        .where(
          and(
            eq(tripRequests.organisationId, organisationId),
            eq(tripRequests.passengerId, passengerId),
            ne(tripRequests.status, "cancelled"),
          ),
        )
        .returning({ id: tripRequests.id });
      const decisions = await stripDecisions(db, organisationId, passengerId);
      await renameInTripsAndPlans(
        db,
        organisationId,
        passengerId,
        before.reference,
        erased.reference,
      );
      await erasePlanPoints(db, organisationId, { lat: before.homeLat, lon: before.homeLon });
      await unlinkTaps(db, organisationId, passengerId);
      await eraseCommissionHomes(db, organisationId, passengerId);
      const contactsRemoved = await removeContactsAndMessages(db, organisationId, passengerId);
      const counts: ErasureCounts = {
        passengers: 1,
        travelWithLists,
        tripRequestsCancelled: cancelled.length,
        entitlementDecisions: decisions,
        contacts: contactsRemoved,
      };
      return counts;
    },
  };
}

/** The passenger's contacts and every message about them (their words name the passenger). */
async function removeContactsAndMessages(
  db: Db,
  organisationId: string,
  passengerId: string,
): Promise<number> {
  const mine = (t: typeof messages | typeof contacts) =>
    and(eq(t.organisationId, organisationId), eq(t.passengerId, passengerId));
  await db.delete(messages).where(mine(messages));
  const removed = await db.delete(contacts).where(mine(contacts)).returning({ id: contacts.id });
  return removed.length;
}

async function erasePassengerRow(
  db: Db,
  organisationId: string,
  passengerId: string,
  erased: ErasedPassenger,
): Promise<void> {
  await db
    .update(passengers)
    .set({
      reference: erased.reference,
      givenName: erased.givenName,
      familyName: erased.familyName,
      dateOfBirth: null,
      homeAddress: null,
      homePostcode: null,
      homeLat: erased.home.lat,
      homeLon: erased.home.lon,
      needs: noNeeds(),
      erasedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(passengers.organisationId, organisationId), eq(passengers.id, passengerId)));
}

/**
 * Their taps still count travellers, but name nobody: no passenger, and the card's hash (which
 * could be their old reference's) replaced by one random key for all of them.
 */
async function unlinkTaps(db: Db, organisationId: string, passengerId: string): Promise<void> {
  await db
    .update(observedTaps)
    .set({ passengerId: null, cardKey: crypto.randomUUID().replaceAll("-", "") })
    .where(
      and(
        eq(observedTaps.organisationId, organisationId),
        eq(observedTaps.passengerId, passengerId),
      ),
    );
}

/** Other passengers who may not travel with them keep the rule, now naming the pseudonym. */
async function renameInTravelWithLists(
  db: Db,
  organisationId: string,
  reference: string,
  pseudonym: string,
): Promise<number> {
  const naming = await db
    .select({ id: passengers.id, needs: passengers.needs })
    .from(passengers)
    .where(
      and(
        eq(passengers.organisationId, organisationId),
        sql`jsonb_exists(${passengers.needs}->'mayNotTravelWith', ${reference})`,
      ),
    );
  for (const row of naming) {
    const list = row.needs.mayNotTravelWith.map((r) => (r === reference ? pseudonym : r));
    await db
      .update(passengers)
      .set({ needs: { ...row.needs, mayNotTravelWith: list }, updatedAt: new Date() })
      .where(eq(passengers.id, row.id));
  }
  return naming.length;
}

async function stripDecisions(
  db: Db,
  organisationId: string,
  passengerId: string,
): Promise<number> {
  const scope = and(
    eq(entitlementDecisions.organisationId, organisationId),
    eq(entitlementDecisions.passengerId, passengerId),
  );
  const rows = await db
    .select({ id: entitlementDecisions.id, decision: entitlementDecisions.decision })
    .from(entitlementDecisions)
    .where(scope);
  for (const row of rows) {
    await db
      .update(entitlementDecisions)
      .set({ decision: withoutFacts(row.decision), updatedAt: new Date() })
      .where(eq(entitlementDecisions.id, row.id));
  }
  return rows.length;
}

/**
 * Trip references often carry the passenger's reference ("UPN-123-OUT"): their trip requests, and
 * the messages of the organisation's plan summaries that begin with those references, name the
 * pseudonym instead.
 */
async function renameInTripsAndPlans(
  db: Db,
  organisationId: string,
  passengerId: string,
  reference: string,
  pseudonym: string,
): Promise<void> {
  const trips = await db
    .select({ id: tripRequests.id, reference: tripRequests.reference })
    .from(tripRequests)
    .where(
      and(
        eq(tripRequests.organisationId, organisationId),
        eq(tripRequests.passengerId, passengerId),
        sql`strpos(${tripRequests.reference}, ${reference}) > 0`,
      ),
    );
  for (const trip of trips) {
    const renamed = trip.reference.replaceAll(reference, pseudonym);
    await db.update(tripRequests).set({ reference: renamed }).where(eq(tripRequests.id, trip.id));
    // A message quoting the trip starts with its reference: `"T-1: bad time"`.
    const [from, to] = [`"${inJson(trip.reference)}:`, `"${inJson(renamed)}:`];
    await db
      .update(plans)
      .set({ summary: sql`replace(${plans.summary}::text, ${from}, ${to})::jsonb` })
      .where(
        and(
          eq(plans.organisationId, organisationId),
          sql`strpos(${plans.summary}::text, ${from}) > 0`,
        ),
      );
  }
}
