/** A trip request cancelled on a service date, with its reason (see `CANCELLATION_REASONS`). */
export interface StoredCancellation {
  readonly id: string;
  readonly tripRequestId: string;
  readonly serviceDate: string;
  readonly reason: string;
  readonly reasonsVersion: string;
  readonly cancelledBy: string | null;
  readonly planId: string | null;
  readonly createdAt: string;
}

export type NewCancellation = Omit<StoredCancellation, "id" | "createdAt">;

/** Cancellations of trip requests on days, by organisation. */
export interface CancellationStore {
  /** Records it; `conflict` when the trip is already cancelled that day. */
  create(organisationId: string, input: NewCancellation): Promise<StoredCancellation>;
  find(organisationId: string, id: string): Promise<StoredCancellation | undefined>;
  /** The cancellations of these trips, newest day first (a subject access export). */
  listForTrips(
    organisationId: string,
    tripRequestIds: readonly string[],
  ): Promise<StoredCancellation[]>;
  /** How many trips were cancelled from `from` to `to` (inclusive), by reason. */
  countByReason(organisationId: string, from: string, to: string): Promise<Record<string, number>>;
  /** The cancellations of those days, newest first, at most `limit`. */
  list(
    organisationId: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<StoredCancellation[]>;
}
