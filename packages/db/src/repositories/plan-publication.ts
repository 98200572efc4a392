import type { PlanStore, VehicleClaim } from "@tt/app";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { queryRows } from "../raw-query";
import { plans } from "../schema";
import { isUuid } from "./record-repository";

interface ClaimRow {
  vehicle_id: string;
  organisation_id: string;
  plan_id: string;
  first_arrival: number | string | null;
  last_departure: number | string | null;
}

/** What publishing a plan needs of the plan store: the day's lock, claims and the status. */
export type PlanPublication = Pick<
  PlanStore,
  "lockServiceDay" | "listVehicleClaims" | "markPublished" | "markWithdrawn"
>;

export function createPlanPublication(db: Db): PlanPublication {
  return {
    async lockServiceDay(serviceDate) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`plans:${serviceDate}`}))`);
    },

    async listVehicleClaims(serviceDate, vehicleIds, exceptOrganisationId) {
      const ids = vehicleIds.filter(isUuid);
      if (ids.length === 0) return [];
      const rows = await queryRows<ClaimRow>(
        db,
        sql`select r.vehicle_id, p.organisation_id, p.id as plan_id,
              (select min((s->>'arrival')::float) from jsonb_array_elements(r.stops) s) as first_arrival,
              (select max((s->>'departure')::float) from jsonb_array_elements(r.stops) s) as last_departure
            from plans p join plan_runs pr on pr.plan_id = p.id join runs r on r.id = pr.run_id
            where p.service_date = ${serviceDate} and p.status = 'published'
              and p.organisation_id <> ${exceptOrganisationId}
              and r.vehicle_id = any(${sql.param(ids)}::uuid[])`,
      );
      return rows.flatMap((row): VehicleClaim[] =>
        row.first_arrival === null || row.last_departure === null
          ? []
          : [
              {
                vehicleId: row.vehicle_id,
                organisationId: row.organisation_id,
                planId: row.plan_id,
                from: Number(row.first_arrival),
                to: Number(row.last_departure),
              },
            ],
      );
    },

    async markPublished(organisationId, id) {
      const [plan] = await db
        .select({ serviceDate: plans.serviceDate })
        .from(plans)
        .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
      if (!plan) return [];
      const superseded = await db
        .update(plans)
        .set({ status: "superseded", updatedAt: new Date() })
        .where(
          and(
            eq(plans.organisationId, organisationId),
            eq(plans.serviceDate, plan.serviceDate),
            eq(plans.status, "published"),
            ne(plans.id, id),
          ),
        )
        .returning({ id: plans.id });
      await db
        .update(plans)
        .set({ status: "published", updatedAt: new Date() })
        .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
      return superseded.map((row) => row.id);
    },

    async markWithdrawn(organisationId, id) {
      await db
        .update(plans)
        .set({ status: "draft", updatedAt: new Date() })
        .where(
          and(
            eq(plans.organisationId, organisationId),
            eq(plans.id, id),
            eq(plans.status, "published"),
          ),
        );
    },
  };
}
