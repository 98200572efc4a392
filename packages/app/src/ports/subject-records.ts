import type { DayRecordCategory, ErasedPassenger } from "@tt/domain";

/** A stop of a stored plan that serves one of a passenger's trips. */
export interface PlannedStop {
  readonly planId: string;
  readonly planName: string;
  readonly serviceDate: string;
  readonly planStatus: string;
  readonly vehicleId: string | null;
  readonly tripRequestId: string;
  readonly kind: "pickup" | "dropoff";
  /** Minutes after midnight of the service date. */
  readonly arrival: number;
  readonly departure: number;
}

/** What an erasure changed, by table. */
export interface ErasureCounts {
  readonly passengers: number;
  /** Other passengers' "may not travel with" lists that now name the pseudonym. */
  readonly travelWithLists: number;
  readonly tripRequestsCancelled: number;
  readonly entitlementDecisions: number;
  /** Contacts removed, with every message about the passenger. */
  readonly contacts: number;
}

/**
 * The records the data subjects' rights reach beyond the register's own repositories: where a
 * passenger's trips sit in stored plans, and the erasure of their personal data in one go.
 */
export interface SubjectRecordStore {
  /** The ids of the passenger's trip requests, cancelled ones included. */
  tripRequestIdsOf(organisationId: string, passengerId: string): Promise<string[]>;
  /** Stops of the organisation's stored plans that serve these trip requests. */
  plannedStops(organisationId: string, tripRequestIds: readonly string[]): Promise<PlannedStop[]>;
  /**
   * Replaces the passenger's personal data by `erased` (name, reference, home square), clears
   * date of birth, address, postcode and needs, renames them in other passengers' lists,
   * cancels their trip requests and strips the facts from their entitlement decisions.
   * Undefined when the passenger is not in the organisation or was already erased.
   */
  erase(
    organisationId: string,
    passengerId: string,
    erased: ErasedPassenger,
  ): Promise<ErasureCounts | undefined>;
  /**
   * Passengers not erased, on the register since before `cutoff` (YYYY-MM-DD), with no trip
   * request running on or after it and no entitlement decision assessed or due for review on or
   * after it: those the retention schedule erases.
   */
  inactivePassengers(organisationId: string, cutoff: string): Promise<string[]>;
  /** Finished jobs (succeeded, failed or cancelled) that ended before `before`. */
  finishedJobsBefore(organisationId: string, before: Date): Promise<string[]>;
  /** Deletes these jobs of the organisation if they are still finished; how many went. */
  deleteFinishedJobs(organisationId: string, ids: readonly string[]): Promise<number>;
  /** Records of the category whose service day is before `cutoff` (YYYY-MM-DD). */
  dayRecordsBefore(
    organisationId: string,
    category: DayRecordCategory,
    cutoff: string,
  ): Promise<number>;
  /** Deletes those records; how many went. */
  deleteDayRecordsBefore(
    organisationId: string,
    category: DayRecordCategory,
    cutoff: string,
  ): Promise<number>;
  /** When the passenger was erased, or undefined (also when not found). */
  erasedAt(organisationId: string, passengerId: string): Promise<string | undefined>;
}
