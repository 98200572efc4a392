import type {
  Delegation,
  DelegationChange,
  DelegationInput,
  UnmetDemand,
  UnmetDemandInput,
} from "@tt/domain";

/** Budgets and areas councils delegate to local consortia. */
export interface DelegationStore {
  /** Throws `conflict` when the consortium already has a delegation for the year. */
  create(councilId: string, input: DelegationInput): Promise<Delegation>;
  /** The delegation when `organisationId` is its council or its consortium. */
  findFor(organisationId: string, id: string): Promise<Delegation | undefined>;
  lock(id: string): Promise<void>;
  /** The delegations the organisation made (a council) or received (a consortium). */
  list(organisationId: string, side: "made" | "received"): Promise<Delegation[]>;
  /** The consortium's delegations for the financial years named. */
  forConsortium(consortiumId: string, years: readonly string[]): Promise<Delegation[]>;
  update(id: string, change: DelegationChange): Promise<Delegation>;
}

/** The register of unmet demand: parish needs surveys' rows. */
export interface UnmetDemandStore {
  insertMany(organisationId: string, rows: readonly UnmetDemandInput[]): Promise<number>;
  /** The organisation's rows, by survey (at most `limit`). */
  list(organisationId: string, limit: number): Promise<UnmetDemand[]>;
}
