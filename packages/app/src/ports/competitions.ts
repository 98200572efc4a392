import type { Bid, BidInput, Competition, CompetitionInput, Lot } from "@tt/domain";

/** What a competition is stored with: its terms, the operators invited and its lots. */
export type NewCompetition = Omit<CompetitionInput, "lots"> & {
  readonly invited: readonly string[];
};

/** Mini-competitions, their lots and their sealed bids. */
export interface CompetitionStore {
  create(buyerId: string, competition: NewCompetition, lots: readonly Lot[]): Promise<Competition>;
  /** The competition with its lots, whoever asks (the caller checks who may see it). */
  find(id: string): Promise<Competition | undefined>;
  /** Locks the competition's row until the transaction ends (bids and awards one at a time). */
  lock(id: string): Promise<void>;
  /** The competitions the organisation put out (`bought`) or was invited to, newest first. */
  list(organisationId: string, side: "bought" | "invited"): Promise<Competition[]>;
  /** The operator's bid for the lot, made or replaced. */
  placeBid(
    competitionId: string,
    operatorId: string,
    bid: BidInput & { readonly unfit: readonly string[] },
  ): Promise<Bid>;
  /** The competition's bids; only the operator's when `operatorId` is given. */
  listBids(competitionId: string, operatorId?: string): Promise<Bid[]>;
  markQuality(bidId: string, quality: number): Promise<Bid | undefined>;
  /** The lot awarded: the contract made for it. */
  award(lotId: string, contractId: string): Promise<void>;
}
