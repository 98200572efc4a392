import type {
  Delegation,
  DelegationChange,
  DelegationInput,
  DelegationStatus,
  UnmetDemand,
  UnmetDemandInput,
} from "@tt/domain";

/** Budgets and areas councils delegate to local consortia. */
export interface DelegationStore {
  /** A proposed delegation: it counts once the consortium accepts it (`setStatus`). */
  create(councilId: string, input: DelegationInput): Promise<Delegation>;
  /** The delegation when `organisationId` is its council or its consortium. */
  findFor(organisationId: string, id: string): Promise<Delegation | undefined>;
  lock(id: string): Promise<void>;
  /** The delegations the organisation made (a council) or received (a consortium). */
  list(organisationId: string, side: "made" | "received"): Promise<Delegation[]>;
  /** The consortium's accepted delegations for the financial years named (only they count). */
  forConsortium(consortiumId: string, years: readonly string[]): Promise<Delegation[]>;
  update(id: string, change: DelegationChange): Promise<Delegation>;
  /** Throws `conflict` when accepting while another is accepted for the consortium and year. */
  setStatus(id: string, status: DelegationStatus): Promise<Delegation>;
}

/** The register of unmet demand: parish needs surveys' rows. */
export interface UnmetDemandStore {
  insertMany(organisationId: string, rows: readonly UnmetDemandInput[]): Promise<number>;
  /** The organisation's rows, by survey (at most `limit`). */
  list(organisationId: string, limit: number): Promise<UnmetDemand[]>;
}
