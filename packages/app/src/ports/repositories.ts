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
import type { CancellationStore } from "./cancellations";
import type { CommissionStore } from "./commissions";
import type { CompetitionStore } from "./competitions";
import type { ComplianceStore } from "./compliance";
import type { ContractStore } from "./contracts";
import type { CrewStore } from "./crew";
import type { DelegationStore, UnmetDemandStore } from "./delegations";
import type { DpsStore } from "./dps";
import type { EntitlementStore } from "./entitlements";
import type { GrantStore } from "./grants";
import type { IdentityStore } from "./identity";
import type { ImportStaging } from "./import-staging";
import type { JobStore } from "./jobs";
import type { ContactStore, MessageStore } from "./notifications";
import type { PlanStore } from "./plans";
import type { RunEventStore } from "./run-events";
import type { SharingStore } from "./sharing";
import type { SubjectRecordStore } from "./subject-records";
import type { TapStore } from "./taps";

export interface ListQuery {
  readonly offset: number;
  readonly limit: number;
  /** Case-insensitive match on names and references (and addresses, for passengers). */
  readonly search?: string;
  /** Search names and references only, never addresses (a partner not sharing home-location). */
  readonly narrowSearch?: boolean;
  /** Exact matches on named columns (e.g. `kind`). */
  readonly filters?: Readonly<Record<string, string>>;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

/** Keyset paging: the page after `after` (a cursor from the previous page; none for the first). */
export interface KeysetQuery {
  readonly after?: string;
  readonly limit: number;
}

export interface KeysetPage<T> {
  readonly items: T[];
  /** The cursor for the next page; absent after the last. */
  readonly next?: string;
}

/** Rows that belong to an organisation: every method is scoped to it. */
export interface RecordRepository<T, Input> {
  /** One page and the total, for screens (offset paging: one count per call). */
  list(organisationId: string, query: ListQuery): Promise<Page<T>>;
  /**
   * Every row, page by page in a stable order (reference, else the list order, then id), for
   * exports and whole-register reads: no offset, no count, each page as fast as the first.
   */
  listAfter(organisationId: string, query: KeysetQuery): Promise<KeysetPage<T>>;
  /**
   * The rows with these ids (ids that are not UUIDs match nothing). The look-ups by key take any
   * number of keys: a long list is split into short statements.
   */
  findByIds(organisationId: string, ids: readonly string[]): Promise<T[]>;
  /** The rows with these references; none for kinds without references. */
  findByReferences(organisationId: string, references: readonly string[]): Promise<T[]>;
  /**
   * The rows whose name is one of these, ignoring case and runs of spaces; none for kinds without
   * names.
   */
  findByNames(organisationId: string, names: readonly string[]): Promise<T[]>;
  find(organisationId: string, id: string): Promise<T | undefined>;
  findByReference(organisationId: string, reference: string): Promise<T | undefined>;
  create(organisationId: string, input: Input): Promise<T>;
  createMany(organisationId: string, inputs: readonly Input[]): Promise<T[]>;
  update(organisationId: string, id: string, input: Input): Promise<T | undefined>;
  remove(organisationId: string, id: string): Promise<boolean>;
  count(organisationId: string): Promise<number>;
}

export interface PassengerRepository extends RecordRepository<Passenger, PassengerInput> {
  /** The passengers whose "may not travel with" list names this reference. */
  listNaming(organisationId: string, reference: string): Promise<Passenger[]>;
}

export interface TripRequestRepository extends RecordRepository<TripRequest, TripRequestInput> {
  /**
   * The requests, not cancelled, whose dates span `date` (one-off on it, or recurring from on or
   * before it to on or after it): every request that may travel that day, weekdays and terms
   * still to be checked.
   */
  listSpanning(organisationId: string, date: string): Promise<TripRequest[]>;
}

/** Each register kind's stored row and the input that creates or replaces one. */
export interface RegisterTypes {
  readonly passengers: { readonly record: Passenger; readonly input: PassengerInput };
  readonly places: { readonly record: Place; readonly input: PlaceInput };
  readonly vehicles: { readonly record: Vehicle; readonly input: VehicleInput };
  readonly staff: { readonly record: Staff; readonly input: StaffInput };
  readonly operators: { readonly record: Operator; readonly input: OperatorInput };
  readonly funders: { readonly record: Funder; readonly input: FunderInput };
  readonly budgets: { readonly record: Budget; readonly input: BudgetInput };
  readonly tripRequests: { readonly record: TripRequest; readonly input: TripRequestInput };
  readonly termCalendars: { readonly record: TermCalendar; readonly input: TermCalendarInput };
}

/** A stored row of register kind `K`. */
export type RegisterRecord<K extends keyof RegisterTypes> = RegisterTypes[K]["record"];
/** The input of register kind `K`. */
export type RegisterInput<K extends keyof RegisterTypes> = RegisterTypes[K]["input"];

/**
 * The repository of each register kind as one mapped type: indexed by a kind `K`, even a generic
 * one, it gives the repository of `K`'s rows and inputs.
 */
export type RegisterRepositoryMap = {
  readonly [K in keyof RegisterTypes]: RecordRepository<RegisterRecord<K>, RegisterInput<K>>;
};

/** The register: demand and supply. */
export interface RegisterRepositories {
  readonly passengers: PassengerRepository;
  readonly places: RecordRepository<Place, PlaceInput>;
  readonly vehicles: RecordRepository<Vehicle, VehicleInput>;
  readonly staff: RecordRepository<Staff, StaffInput>;
  readonly operators: RecordRepository<Operator, OperatorInput>;
  readonly funders: RecordRepository<Funder, FunderInput>;
  readonly budgets: RecordRepository<Budget, BudgetInput>;
  readonly tripRequests: TripRequestRepository;
  readonly termCalendars: RecordRepository<TermCalendar, TermCalendarInput>;
}

export interface Repositories extends RegisterRepositories {
  readonly identity: IdentityStore;
  readonly audit: AuditLog;
  readonly jobs: JobStore;
  readonly plans: PlanStore;
  readonly entitlements: EntitlementStore;
  /** Who crews which vehicle on a date. */
  readonly crew: CrewStore;
  /** Operators' vehicles offered to other organisations. */
  readonly grants: GrantStore;
  /** Operators' licences, permits, insurance and MOTs, and when each expires. */
  readonly compliance: ComplianceStore;
  /** Operators' applications to buyers' dynamic purchasing systems. */
  readonly dps: DpsStore;
  /** Contracts between buyers and operators. */
  readonly contracts: ContractStore;
  /** Mini-competitions, their lots and sealed bids. */
  readonly competitions: CompetitionStore;
  /** Trips offered to community transport groups, their completions and disputes. */
  readonly commissions: CommissionStore;
  /** Budgets and areas councils delegate to local consortia. */
  readonly delegations: DelegationStore;
  /** Parish needs surveys' rows: demand no service meets yet. */
  readonly unmetDemand: UnmetDemandStore;
  /** Partnerships and data-sharing agreements. */
  readonly sharing: SharingStore;
  /** Rows of CSV imports waiting to be published into the register. */
  readonly imports: ImportStaging;
  /** Where a passenger's trips sit in stored plans, and erasure of their personal data. */
  readonly subjects: SubjectRecordStore;
  /** Trips cancelled on days, with their reasons. */
  readonly cancellations: CancellationStore;
  /** What drivers and assistants marked at stops. */
  readonly runEvents: RunEventStore;
  /** Smartcard taps and attendance: who really travelled. */
  readonly taps: TapStore;
  /** Where passengers' pick-up times and changes are sent. */
  readonly contacts: ContactStore;
  /** Every message sent or held back, and the queue it is sent from. */
  readonly messages: MessageStore;
}

/** `snapshot`: every statement of the transaction sees the same data (REPEATABLE READ). */
export interface TransactionOptions {
  readonly snapshot?: boolean;
}

/** Runs work in one transaction: all of it is stored, or none of it. */
export interface UnitOfWork<R = Repositories> {
  readonly repositories: R;
  transaction<T>(work: (repositories: R) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

/** A unit of work offering only the named repositories: how a service declares what it uses. */
export type UnitOfWorkOf<K extends keyof Repositories> = UnitOfWork<Pick<Repositories, K>>;
