/** A tap ready to store: the vehicle and passenger found, the card hashed. */
export interface NewTap {
  readonly serviceDate: string;
  readonly vehicleId: string;
  readonly cardKey: string;
  readonly passengerId: string | null;
  readonly stop: string;
  readonly minutes: number;
}

/** How many travellers a vehicle carried on a day, on its fullest leg. */
export interface DailyBoardings {
  readonly vehicleId: string;
  readonly serviceDate: string;
  /** Distinct cards that tapped on during the day's fullest leg (`LEG_GAP_MINUTES`). */
  readonly travellers: number;
}

/** A tap that names a passenger, as their subject access export lists it. */
export interface PassengerTap {
  readonly serviceDate: string;
  readonly vehicleId: string;
  readonly stop: string;
  /** "HH:MM". */
  readonly time: string;
}

/** Smartcard taps and attendance, by organisation. */
export interface TapStore {
  /** Stores the taps not already held (same day, vehicle, card and minute); answers how many were new. */
  append(organisationId: string, importId: string, taps: readonly NewTap[]): Promise<number>;
  /** Travellers per vehicle and day (on its fullest leg) from `from` to `to` (inclusive). */
  dailyBoardings(organisationId: string, from: string, to: string): Promise<DailyBoardings[]>;
  /** The taps linked to a passenger, newest first (a subject access export). */
  listForPassenger(organisationId: string, passengerId: string): Promise<PassengerTap[]>;
  /**
   * Passengers whose latest entitlement decision is eligible and in date on `from`, who did not
   * tap once from `from` to `to`: candidates for a review. At most `limit`.
   */
  entitledWithoutTaps(
    organisationId: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<string[]>;
}
