import type { Contract, ContractInput, ContractStatus } from "@tt/domain";

/** Contracts between buyers and operators. */
export interface ContractStore {
  /** Conflict when the buyer already has a contract with that reference. */
  create(buyerId: string, input: ContractInput): Promise<Contract>;
  /** The contract, for either party; undefined for anyone else or none such. */
  findFor(organisationId: string, id: string): Promise<Contract | undefined>;
  /** Locks the contract's row until the transaction ends (one change at a time). */
  lock(id: string): Promise<void>;
  /** The contracts the organisation bought (`bought`) or supplies (`supplied`), by reference. */
  list(
    organisationId: string,
    side: "bought" | "supplied",
    status?: ContractStatus,
  ): Promise<Contract[]>;
  /** A draft's terms rewritten (the caller checked it is a draft). */
  update(id: string, input: ContractInput): Promise<Contract>;
  /** Signs or ends the contract. */
  move(
    id: string,
    change: { status: ContractStatus; endedOn?: string; reason?: string },
  ): Promise<Contract>;
  /** The buyers' signed contracts whose dates cover `date` (ended ones included: check `endedOn`). */
  signedOn(buyerIds: readonly string[], date: string): Promise<Contract[]>;
}
