import type {
  Budget,
  BudgetInput,
  Funder,
  FunderInput,
  Operator,
  OperatorInput,
  Passenger,
  PassengerInput,
  Place,
  PlaceInput,
  Staff,
  StaffInput,
  TermCalendar,
  TermCalendarInput,
  TripRequest,
  TripRequestInput,
  Vehicle,
  VehicleInput,
} from "@tt/domain";
import type { AuditLog } from "./audit";
import type { EntitlementStore } from "./entitlements";
import type { IdentityStore } from "./identity";
import type { JobStore } from "./jobs";
import type { PlanStore } from "./plans";

export interface ListQuery {
  readonly offset: number;
  readonly limit: number;
  /** Case-insensitive match on names and references. */
  readonly search?: string;
  /** Exact matches on named columns (e.g. `kind`). */
  readonly filters?: Readonly<Record<string, string>>;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

/** Rows that belong to an organisation: every method is scoped to it. */
export interface RecordRepository<T, Input> {
  list(organisationId: string, query: ListQuery): Promise<Page<T>>;
  find(organisationId: string, id: string): Promise<T | undefined>;
  findByReference(organisationId: string, reference: string): Promise<T | undefined>;
  create(organisationId: string, input: Input): Promise<T>;
  createMany(organisationId: string, inputs: readonly Input[]): Promise<T[]>;
  update(organisationId: string, id: string, input: Input): Promise<T | undefined>;
  remove(organisationId: string, id: string): Promise<boolean>;
  count(organisationId: string): Promise<number>;
}

/** The register: demand and supply. */
export interface RegisterRepositories {
  readonly passengers: RecordRepository<Passenger, PassengerInput>;
  readonly places: RecordRepository<Place, PlaceInput>;
  readonly vehicles: RecordRepository<Vehicle, VehicleInput>;
  readonly staff: RecordRepository<Staff, StaffInput>;
  readonly operators: RecordRepository<Operator, OperatorInput>;
  readonly funders: RecordRepository<Funder, FunderInput>;
  readonly budgets: RecordRepository<Budget, BudgetInput>;
  readonly tripRequests: RecordRepository<TripRequest, TripRequestInput>;
  readonly termCalendars: RecordRepository<TermCalendar, TermCalendarInput>;
}

export interface Repositories extends RegisterRepositories {
  readonly identity: IdentityStore;
  readonly audit: AuditLog;
  readonly jobs: JobStore;
  readonly plans: PlanStore;
  readonly entitlements: EntitlementStore;
}

/** `snapshot`: every statement of the transaction sees the same data (REPEATABLE READ). */
export interface TransactionOptions {
  readonly snapshot?: boolean;
}

/** Runs work in one transaction: all of it is stored, or none of it. */
export interface UnitOfWork {
  readonly repositories: Repositories;
  transaction<R>(
    work: (repositories: Repositories) => Promise<R>,
    options?: TransactionOptions,
  ): Promise<R>;
}
