import type { Commission, CommissionTrip, Completion, PermitPassengerClass } from "@tt/domain";

/** The commissions of one month listed or reconciled at once, at most. */
export const MONTH_COMMISSIONS_MAX = 5000;

/** A commission as offered, before it is stored. */
export interface NewCommission {
  readonly groupId: string;
  readonly planId: string;
  readonly tripRequestId: string;
  readonly date: string;
  readonly trip: CommissionTrip;
  readonly passengerClass: PermitPassengerClass;
  readonly contractId?: string;
  readonly rate: Commission["rate"];
  readonly deadline: string;
}

/** A change to a commission, by whom and when. */
export type CommissionChange =
  | { readonly status: "accepted" | "declined"; readonly by: string; readonly at: Date }
  | {
      readonly status: "completed";
      readonly by: string;
      readonly at: Date;
      readonly completion: Completion;
    }
  | {
      readonly status: "disputed";
      readonly by: string;
      readonly at: Date;
      readonly reason: string;
    };

/** Trips of buyers' plans offered to community transport groups, and what became of them. */
export interface CommissionStore {
  /**
   * Stores the buyer's offers; an earlier offer of the same trip and day left to lapse before
   * `now` is marked lapsed first. Conflict when the trip is already offered or commissioned.
   */
  offer(buyerId: string, offers: readonly NewCommission[], now: Date): Promise<Commission[]>;
  /** The commission, for either party; undefined for anyone else or none such. */
  findFor(organisationId: string, id: string): Promise<Commission | undefined>;
  /** Locks the commission's row until the transaction ends (one change at a time). */
  lock(id: string): Promise<void>;
  change(id: string, change: CommissionChange): Promise<Commission>;
  /**
   * The commissions the organisation offered (`offered`) or received (`received`) for trips in
   * `month` ("YYYY-MM"), by date; `counterpartId` narrows to one group or buyer. At most
   * `MONTH_COMMISSIONS_MAX` + 1: one more says the month holds more than can be shown whole.
   */
  list(
    organisationId: string,
    side: "offered" | "received",
    month: string,
    counterpartId?: string,
  ): Promise<Commission[]>;
}
