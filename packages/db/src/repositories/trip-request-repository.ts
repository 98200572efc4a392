import type { TripRequestRepository } from "@tt/app";
import { and, eq, gte, lte, ne, notExists, sql } from "drizzle-orm";
import type { Db } from "../create-db";
import { tripCancellations, tripRequests } from "../schema";
import { published } from "./import-visibility";
import { type BulkInsertHook, createRecordRepository } from "./record-repository";
import { tripRequestSpec } from "./trip-request-spec";

/** Trip requests: the generic register repository and the day's candidates for planning. */
export function createTripRequestRepository(
  db: Db,
  onBulkInsert?: BulkInsertHook,
): TripRequestRepository {
  return {
    ...createRecordRepository(db, tripRequestSpec, onBulkInsert),
    async listSpanning(organisationId, date) {
      const rows = await db
        .select()
        .from(tripRequests)
        .where(
          and(
            eq(tripRequests.organisationId, organisationId),
            lte(tripRequests.validFrom, date),
            gte(tripRequests.validTo, date),
            ne(tripRequests.status, "cancelled"),
            published(tripRequests.importId),
            // A recurring trip cancelled on this day misses it.
            notExists(
              db
                .select({ one: sql`1` })
                .from(tripCancellations)
                .where(
                  and(
                    eq(tripCancellations.tripRequestId, tripRequests.id),
                    eq(tripCancellations.serviceDate, date),
                  ),
                ),
            ),
          ),
        )
        .orderBy(tripRequests.reference);
      return rows.map(tripRequestSpec.fromRow);
    },
  };
}
