import type { ComplianceDocument, ComplianceDocumentInput } from "@tt/domain";

/** An expiry warning emailed about a document: which threshold, when, to how many users. */
export interface SentExpiryWarning {
  readonly documentId: string;
  /** 60, 30 or 7 days before expiry, or 0 once lapsed. */
  readonly threshold: number;
  readonly sentAt: string;
  readonly recipients: number;
}

/** Operators' compliance documents (licences, permits, insurance, MOTs), by holder. */
export interface ComplianceStore {
  create(holderId: string, input: ComplianceDocumentInput): Promise<ComplianceDocument>;
  /** The holder's documents, soonest expiry first. */
  listHeld(holderId: string): Promise<ComplianceDocument[]>;
  /** The documents of several holders (a day's fleet: its own and its grantors'). */
  listHeldBy(holderIds: readonly string[]): Promise<ComplianceDocument[]>;
  /** Deletes one of the holder's documents (entered by mistake); false when it has none such. */
  remove(holderId: string, id: string): Promise<boolean>;
  /** Every organisation holding at least one document. */
  listHolders(): Promise<string[]>;
  /** The expiry warnings sent about the holder's documents (claims still under way left out). */
  listWarningsSent(holderId: string): Promise<SentExpiryWarning[]>;
  /**
   * Claims a document's warning at a threshold for sending, until `until`: true when the caller
   * holds it now (never claimed, or claimed but not sent and run out by `now`); false when it was
   * sent or another process holds it. Two callers never both get true.
   */
  claimWarning(documentId: string, threshold: number, now: string, until: string): Promise<boolean>;
  /** The claimed warning went, at `at`, to `recipients` users. */
  markWarningSent(
    documentId: string,
    threshold: number,
    at: string,
    recipients: number,
  ): Promise<void>;
  /** Gives up a claim not sent, so that a later round sends the warning. */
  releaseWarning(documentId: string, threshold: number): Promise<void>;
}
