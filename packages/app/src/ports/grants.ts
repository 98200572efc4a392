import type { AvailabilityGrant, AvailabilityGrantInput } from "@tt/domain";

/** Availability grants: operators' vehicles offered to other organisations. */
export interface GrantStore {
  create(grantorId: string, input: AvailabilityGrantInput): Promise<AvailabilityGrant>;
  /** Serialises grant-making for one grantor until the transaction ends. */
  lockGrantor(grantorId: string): Promise<void>;
  /** The grants the organisation made, newest first. */
  listMade(grantorId: string): Promise<AvailabilityGrant[]>;
  /** The grants the organisation received (not withdrawn), oldest first. */
  listReceived(granteeId: string): Promise<AvailabilityGrant[]>;
  /** Grants, not withdrawn, that name any of these vehicles. */
  listNaming(vehicleIds: readonly string[]): Promise<AvailabilityGrant[]>;
  /** Withdraws one of the grantor's grants; false when it has none with that id. */
  withdraw(grantorId: string, id: string): Promise<boolean>;
}
