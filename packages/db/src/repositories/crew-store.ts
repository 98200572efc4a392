import type { CrewStore } from "@tt/app";
import { AppError } from "@tt/app";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../create-db";
import { crewAssignments } from "../schema";
import { isUniqueViolation, translatePgError } from "./pg-errors";
import { isUuid } from "./record-repository";

const columns = {
  serviceDate: crewAssignments.serviceDate,
  vehicleId: crewAssignments.vehicleId,
  staffId: crewAssignments.staffId,
};

/** Crew assignments, organisation by organisation; a person crews one vehicle a day. */
export function createCrewStore(db: Db): CrewStore {
  return {
    async replace(organisationId, serviceDate, vehicleId, staffIds) {
      const t = crewAssignments;
      const ofVehicle = and(
        eq(t.organisationId, organisationId),
        eq(t.serviceDate, serviceDate),
        eq(t.vehicleId, vehicleId),
      );
      try {
        await db.delete(t).where(ofVehicle);
        if (staffIds.length === 0) return;
        const rows = staffIds.map((staffId) => ({
          organisationId,
          serviceDate,
          vehicleId,
          staffId,
        }));
        await db.insert(t).values(rows);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", "A person crews one vehicle a day.", [
            { path: "staffIds", message: `already crewing another vehicle on ${serviceDate}` },
          ]);
        }
        return translatePgError(error, "crew assignment");
      }
    },
    async listForDate(organisationId, serviceDate) {
      const t = crewAssignments;
      return db
        .select(columns)
        .from(t)
        .where(and(eq(t.organisationId, organisationId), eq(t.serviceDate, serviceDate)))
        .orderBy(asc(t.vehicleId), asc(t.staffId));
    },
    async vehiclesCrewedBy(organisationId, staffId, serviceDate) {
      if (!isUuid(staffId)) return [];
      const t = crewAssignments;
      const rows = await db
        .select({ vehicleId: t.vehicleId })
        .from(t)
        .where(
          and(
            eq(t.organisationId, organisationId),
            eq(t.staffId, staffId),
            eq(t.serviceDate, serviceDate),
          ),
        );
      return rows.map((r) => r.vehicleId);
    },
  };
}
