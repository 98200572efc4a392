/** One person crewing one vehicle on a service date. */
export interface CrewAssignment {
  readonly serviceDate: string;
  readonly vehicleId: string;
  readonly staffId: string;
}

/** Who crews which vehicle on a date (drivers and passenger assistants), by organisation. */
export interface CrewStore {
  /** Replaces the vehicle's crew on the date with these people (none clears it). */
  replace(
    organisationId: string,
    serviceDate: string,
    vehicleId: string,
    staffIds: readonly string[],
  ): Promise<void>;
  /** Every assignment of the date, by vehicle then person. */
  listForDate(organisationId: string, serviceDate: string): Promise<CrewAssignment[]>;
  /** The vehicles the person crews on the date (at most one today). */
  vehiclesCrewedBy(organisationId: string, staffId: string, serviceDate: string): Promise<string[]>;
}
