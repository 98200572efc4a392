import type { TapStore } from "@tt/app";
import { formatMinutesOfDay, LEG_GAP_MINUTES } from "@tt/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { queryRows } from "../raw-query";
import { observedTaps } from "../schema";
import { recordsetSelect } from "./bulk-insert";
import { isUuid } from "./record-repository";

/** Taps stored per statement: one parameter each, well inside the database's limits. */
const APPEND_BATCH = 10_000;

/** Smartcard taps: stored once per day, vehicle, card and minute. */
export function createTapStore(db: Db): TapStore {
  const t = observedTaps;
  return {
    async append(organisationId, importId, taps) {
      let added = 0;
      for (let i = 0; i < taps.length; i += APPEND_BATCH) {
        const rows = taps.slice(i, i + APPEND_BATCH).map((tap) => ({
          ...tap,
          organisationId,
          importId,
        }));
        const stored = await db
          .insert(t)
          .select(recordsetSelect(t, rows))
          .onConflictDoNothing()
          .returning({ id: t.id });
        added += stored.length;
      }
      return added;
    },
    async dailyBoardings(organisationId, from, to) {
      // Taps more than LEG_GAP_MINUTES apart start a new leg; a day's load is its fullest leg.
      const rows = await queryRows<{
        vehicle_id: string;
        service_date: string;
        travellers: number;
      }>(
        db,
        sql`with taps as (
              select vehicle_id, service_date, card_key, minutes,
                case when minutes - lag(minutes) over w > ${LEG_GAP_MINUTES} then 1 else 0 end as starts
              from observed_taps
              where organisation_id = ${organisationId}
                and service_date between ${from} and ${to}
              window w as (partition by vehicle_id, service_date order by minutes)
            ), legs as (
              select vehicle_id, service_date, card_key,
                sum(starts) over (partition by vehicle_id, service_date order by minutes
                                  rows unbounded preceding) as leg
              from taps
            ), per_leg as (
              select vehicle_id, service_date, leg, count(distinct card_key)::int as travellers
              from legs group by vehicle_id, service_date, leg
            )
            select vehicle_id, service_date::text as service_date, max(travellers)::int as travellers
            from per_leg group by vehicle_id, service_date`,
      );
      return rows.map((r) => ({
        vehicleId: r.vehicle_id,
        serviceDate: r.service_date,
        travellers: Number(r.travellers),
      }));
    },
    async listForPassenger(organisationId, passengerId) {
      if (!isUuid(passengerId)) return [];
      const rows = await db
        .select({
          serviceDate: t.serviceDate,
          vehicleId: t.vehicleId,
          stop: t.stop,
          minutes: t.minutes,
        })
        .from(t)
        .where(and(eq(t.organisationId, organisationId), eq(t.passengerId, passengerId)))
        .orderBy(desc(t.serviceDate), desc(t.minutes));
      return rows.map(({ minutes, ...r }) => ({ ...r, time: formatMinutesOfDay(minutes) }));
    },
    async entitledWithoutTaps(organisationId, from, to, limit) {
      const rows = await queryRows<{ passenger_id: string }>(
        db,
        sql`select latest.passenger_id from (
              select distinct on (d.passenger_id) d.passenger_id, d.eligible, d.review_date
              from entitlement_decisions d
              where d.organisation_id = ${organisationId} and d.passenger_id is not null
                and d.assessed_on <= ${to}
              order by d.passenger_id, d.assessed_on desc, d.created_at desc
            ) latest
            join passengers p on p.id = latest.passenger_id and p.erased_at is null
            where latest.eligible and latest.review_date >= ${from}
              and not exists (
                select 1 from observed_taps o
                where o.organisation_id = ${organisationId}
                  and o.passenger_id = latest.passenger_id
                  and o.service_date between ${from} and ${to})
            order by p.reference
            limit ${limit}`,
      );
      return rows.map((r) => r.passenger_id);
    },
  };
}
