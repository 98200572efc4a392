import type { Repositories, UnitOfWork } from "@tt/app";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../create-db";
import { createAuditLog } from "./audit-log";
import { createCancellationStore } from "./cancellation-store";
import { createCommissionStore } from "./commission-store";
import { createCompetitionStore } from "./competition-store";
import { createComplianceStore } from "./compliance-store";
import { createContactStore } from "./contact-store";
import { createContractStore } from "./contract-store";
import { createCrewStore } from "./crew-store";
import { createDayRecordRetention } from "./day-records";
import { createDelegationStore, createUnmetDemandStore } from "./delegation-store";
import { createDpsStore } from "./dps-store";
import { createEntitlementStore } from "./entitlement-store";
import { createGrantStore } from "./grant-store";
import { createIdentityStore } from "./identity-store";
import { createImportStaging } from "./import-staging";
import { createJobStore } from "./job-store";
import { createMessageStore } from "./message-store";
import { createPassengerRepository } from "./passenger-repository";
import { createPlanStore } from "./plan-store";
import { type BulkInsertHook, createRecordRepository } from "./record-repository";
import {
  budgetSpec,
  funderSpec,
  operatorSpec,
  placeSpec,
  staffSpec,
  termCalendarSpec,
  vehicleSpec,
} from "./register-specs";
import { createRunEventStore } from "./run-event-store";
import { createSharingStore } from "./sharing-store";
import { createSubjectRecordStore } from "./subject-store";
import {
  analyseAfterBulkInsert,
  analyseTables,
  bulkTables,
  collectBulkInserts,
} from "./table-statistics";
import { createTapStore } from "./tap-store";
import { createTripRequestRepository } from "./trip-request-repository";

function createRepositories(db: Db, inTransaction: boolean, bulk: BulkInsertHook): Repositories {
  return {
    passengers: createPassengerRepository(db, bulk),
    places: createRecordRepository(db, placeSpec, bulk),
    vehicles: createRecordRepository(db, vehicleSpec, bulk),
    staff: createRecordRepository(db, staffSpec, bulk),
    operators: createRecordRepository(db, operatorSpec, bulk),
    funders: createRecordRepository(db, funderSpec, bulk),
    budgets: createRecordRepository(db, budgetSpec, bulk),
    tripRequests: createTripRequestRepository(db, bulk),
    termCalendars: createRecordRepository(db, termCalendarSpec, bulk),
    identity: createIdentityStore(db),
    audit: createAuditLog(db),
    jobs: createJobStore(db),
    plans: createPlanStore(db, inTransaction),
    entitlements: createEntitlementStore(db),
    crew: createCrewStore(db),
    grants: createGrantStore(db),
    compliance: createComplianceStore(db),
    dps: createDpsStore(db),
    contracts: createContractStore(db),
    competitions: createCompetitionStore(db),
    commissions: createCommissionStore(db),
    delegations: createDelegationStore(db),
    unmetDemand: createUnmetDemandStore(db),
    sharing: createSharingStore(db),
    subjects: { ...createSubjectRecordStore(db), ...createDayRecordRetention(db) },
    imports: createImportStaging(db, bulk),
    cancellations: createCancellationStore(db),
    runEvents: createRunEventStore(db),
    taps: createTapStore(db),
    contacts: createContactStore(db),
    messages: createMessageStore(db),
  };
}

/**
 * The database adapter of the application's ports. A bulk insert (an import) refreshes the
 * table's planner statistics afterwards: at once, or once its transaction has committed.
 */
export function createUnitOfWork(db: Db): UnitOfWork {
  return {
    repositories: createRepositories(db, false, analyseAfterBulkInsert(db)),
    async transaction(work, options) {
      const inserted = new Map<PgTable, number>();
      const result = await db.transaction(
        (tx) => work(createRepositories(tx as unknown as Db, true, collectBulkInserts(inserted))),
        options?.snapshot ? { isolationLevel: "repeatable read" } : undefined,
      );
      await analyseTables(db, bulkTables(inserted));
      return result;
    },
  };
}
