import type { PassengerRepository } from "@tt/app";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { passengers } from "../schema";
import { published } from "./import-visibility";
import { type BulkInsertHook, createRecordRepository } from "./record-repository";
import { passengerSpec } from "./register-specs";

/** Passengers: the generic register repository and who names whom as not to travel with. */
export function createPassengerRepository(
  db: Db,
  onBulkInsert?: BulkInsertHook,
): PassengerRepository {
  const base = createRecordRepository(db, passengerSpec, onBulkInsert);
  return {
    ...base,
    async listNaming(organisationId, reference) {
      const rows = await db
        .select()
        .from(passengers)
        .where(
          and(
            eq(passengers.organisationId, organisationId),
            sql`${passengers.needs} -> 'mayNotTravelWith' @> jsonb_build_array(${reference}::text)`,
            published(passengers.importId),
          ),
        );
      return rows.map(passengerSpec.fromRow);
    },
  };
}
