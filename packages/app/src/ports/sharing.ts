import type {
  Agreement,
  AgreementApproval,
  AgreementInput,
  AgreementStatus,
  OrganisationKind,
} from "@tt/domain";

/** A member of a partnership, as its users see it. */
export interface PartnershipMember {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
}

/** A partnership: its own organisation, its mixing policy and its members. */
export interface StoredPartnership {
  readonly organisationId: string;
  readonly name: string;
  readonly mixingPolicy: string;
  readonly members: readonly PartnershipMember[];
}

export interface NewAgreement extends AgreementInput {
  /** The party that drafts it. */
  readonly organisationId: string;
  readonly createdBy: string;
  /** The secret its pseudonyms are made with; never shown. */
  readonly pseudonymKey: string;
  readonly purposesVersion: number;
}

/** Partnerships and data-sharing agreements. An agreement is seen only by its parties. */
export interface SharingStore {
  /** Makes the organisation a partnership of these members. */
  createPartnership(
    organisationId: string,
    mixingPolicy: string,
    memberIds: readonly string[],
  ): Promise<StoredPartnership>;
  findPartnership(organisationId: string): Promise<StoredPartnership | undefined>;
  /** The partnerships the organisation is a member of, by name. */
  listMemberships(memberId: string): Promise<StoredPartnership[]>;
  createAgreement(agreement: NewAgreement): Promise<Agreement>;
  /**
   * The agreement, when `partyId` is one of its providers or recipients. `lock` holds the row
   * until the transaction ends (for a change of status or approvals).
   */
  findAgreement(
    partyId: string,
    id: string,
    options?: { lock?: boolean },
  ): Promise<Agreement | undefined>;
  /** Every agreement the organisation is a party to, by reference. */
  listAgreements(partyId: string): Promise<Agreement[]>;
  updateAgreement(
    id: string,
    change: { status: AgreementStatus; approvals: readonly AgreementApproval[] },
  ): Promise<Agreement>;
  /** Active agreements in which `provider` shares with `recipient`, by reference. */
  listActiveBetween(provider: string, recipient: string): Promise<Agreement[]>;
  /** The agreement's pseudonym secret. */
  findPseudonymKey(id: string): Promise<string | undefined>;
}
