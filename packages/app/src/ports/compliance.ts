import type { ComplianceDocument, ComplianceDocumentInput } from "@tt/domain";

/** Operators' compliance documents (licences, permits, insurance, MOTs), by holder. */
export interface ComplianceStore {
  create(holderId: string, input: ComplianceDocumentInput): Promise<ComplianceDocument>;
  /** The holder's documents, soonest expiry first. */
  listHeld(holderId: string): Promise<ComplianceDocument[]>;
  /** The documents of several holders (a day's fleet: its own and its grantors'). */
  listHeldBy(holderIds: readonly string[]): Promise<ComplianceDocument[]>;
  /** Deletes one of the holder's documents (entered by mistake); false when it has none such. */
  remove(holderId: string, id: string): Promise<boolean>;
}
