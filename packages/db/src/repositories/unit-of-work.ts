import type { Repositories, UnitOfWork } from "@tt/app";
import type { Db } from "../create-db";
import { createAuditLog } from "./audit-log";
import { createEntitlementStore } from "./entitlement-store";
import { createIdentityStore } from "./identity-store";
import { createJobStore } from "./job-store";
import { createPlanStore } from "./plan-store";
import { createRecordRepository } from "./record-repository";
import {
  budgetSpec,
  funderSpec,
  operatorSpec,
  passengerSpec,
  placeSpec,
  staffSpec,
  termCalendarSpec,
  vehicleSpec,
} from "./register-specs";
import { createTripRequestRepository } from "./trip-request-repository";

function createRepositories(db: Db, inTransaction: boolean): Repositories {
  return {
    passengers: createRecordRepository(db, passengerSpec),
    places: createRecordRepository(db, placeSpec),
    vehicles: createRecordRepository(db, vehicleSpec),
    staff: createRecordRepository(db, staffSpec),
    operators: createRecordRepository(db, operatorSpec),
    funders: createRecordRepository(db, funderSpec),
    budgets: createRecordRepository(db, budgetSpec),
    tripRequests: createTripRequestRepository(db),
    termCalendars: createRecordRepository(db, termCalendarSpec),
    identity: createIdentityStore(db),
    audit: createAuditLog(db, inTransaction),
    jobs: createJobStore(db),
    plans: createPlanStore(db, inTransaction),
    entitlements: createEntitlementStore(db),
  };
}

/** The database adapter of the application's ports. */
export function createUnitOfWork(db: Db): UnitOfWork {
  return {
    repositories: createRepositories(db, false),
    transaction: (work, options) =>
      db.transaction(
        (tx) => work(createRepositories(tx as unknown as Db, true)),
        options?.snapshot ? { isolationLevel: "repeatable read" } : undefined,
      ),
  };
}
