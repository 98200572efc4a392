import type { DpsApplication, DpsApplicationInput, DpsApplicationStatus } from "@tt/domain";

/** Operators' applications to buyers' dynamic purchasing systems. */
export interface DpsStore {
  /** Conflict when the operator already has an open application to that buyer. */
  create(operatorId: string, input: DpsApplicationInput): Promise<DpsApplication>;
  /** The application, for either party; undefined for anyone else or none such. */
  findFor(organisationId: string, id: string): Promise<DpsApplication | undefined>;
  /** Locks the application's row until the transaction ends (one decision at a time). */
  lock(id: string): Promise<void>;
  /** The applications the organisation made (`made`) or received as buyer, newest first. */
  list(
    organisationId: string,
    side: "made" | "received",
    status?: DpsApplicationStatus,
  ): Promise<DpsApplication[]>;
  /** Moves the application; `decidedBy` for the buyer's decisions. */
  move(
    id: string,
    change: { status: DpsApplicationStatus; reason?: string; decidedBy?: string },
  ): Promise<DpsApplication>;
}
