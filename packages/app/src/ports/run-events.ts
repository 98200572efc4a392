import type { RecordedRunEvent } from "@tt/domain";

/** A driver's or assistant's mark at a stop, as stored. */
export interface StoredRunEvent extends RecordedRunEvent {
  readonly serviceDate: string;
  readonly vehicleId: string;
  /** The version of the no-show reasons the reason came from; null without a reason. */
  readonly reasonsVersion: string | null;
  readonly planId: string | null;
  readonly recordedBy: string | null;
  readonly recordedAt: string;
}

export type NewRunEvent = Omit<StoredRunEvent, "recordedAt">;

/** Where a day's events stand: changes whenever an event of the day is stored. */
export interface RunEventsMark {
  readonly count: number;
  readonly latest: string | null;
}

/** Events marked at stops, by organisation and day. */
export interface RunEventStore {
  /** Stores the events whose ids are new to the organisation; answers how many were new. */
  append(organisationId: string, events: readonly NewRunEvent[]): Promise<number>;
  /** The day's events, in the order they were stored; only these vehicles' when given. */
  listForDay(
    organisationId: string,
    serviceDate: string,
    vehicleIds?: readonly string[],
  ): Promise<StoredRunEvent[]>;
  /** A cheap mark of the day's events, for a board that asks whether anything changed. */
  markOfDay(organisationId: string, serviceDate: string): Promise<RunEventsMark>;
  /** The events of these trips, newest first (a subject access export). */
  listForTrips(
    organisationId: string,
    tripRequestIds: readonly string[],
  ): Promise<StoredRunEvent[]>;
}
