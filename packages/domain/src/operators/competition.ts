import { z } from "zod";
import { addDays } from "../entitlement/dates";
import { idSchema, plainTextSchema } from "../shared/schemas";
import { isoDateSchema } from "../shared/time-of-day";
import { MAX_CONTRACT_YEARS } from "./contract";
import { DPS_CATEGORIES } from "./dps";
import { LOT_RULES, type Lot } from "./lots";

/**
 * A mini-competition: a buyer invites the operators admitted to its DPS in the categories the
 * lots need to bid, sealed, for lots packaged from a plan; bids open only after the deadline; the
 * most economically advantageous tender of each lot (price and quality weighted) wins its contract.
 */
export const competitionInputSchema = z
  .object({
    planId: idSchema,
    rule: z.enum(LOT_RULES),
    /** The lots (by name) to put out; all the plan's lots under the rule when left out. */
    lots: z
      .array(plainTextSchema(200).min(1))
      .min(1, { message: "name at least one lot, or leave the list out for all" })
      .max(200)
      .optional(),
    title: plainTextSchema(200).min(1, { message: "say what is being bought" }),
    categories: z
      .array(z.enum(DPS_CATEGORIES))
      .min(1, { message: "choose at least one category to invite" })
      .max(DPS_CATEGORIES.length)
      .refine((c) => new Set(c).size === c.length, { message: "a category is listed twice" }),
    /** When bids close and may be opened: an instant, with its offset. */
    deadline: z.iso.datetime({ offset: true, message: "expected a date and time with its offset" }),
    /** The contract's term, for the awards. */
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    /** Weight of price out of 100; quality weighs the rest. */
    priceWeight: z.number().int().min(0).max(100),
  })
  .refine((c) => c.startsOn <= c.endsOn, {
    message: "endsOn must not be before startsOn",
    path: ["endsOn"],
  })
  .refine((c) => c.endsOn <= addDays(c.startsOn, MAX_CONTRACT_YEARS * 366), {
    message: `a contract runs at most ${MAX_CONTRACT_YEARS} years`,
    path: ["endsOn"],
  });
export type CompetitionInput = z.infer<typeof competitionInputSchema>;

export const COMPETITION_STATUSES = ["open", "closed"] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export interface CompetitionLot extends Lot {
  readonly id: string;
  /** The contract awarded for it, once awarded. */
  readonly contractId?: string;
}

export interface Competition {
  readonly id: string;
  readonly buyerId: string;
  readonly planId: string;
  readonly rule: (typeof LOT_RULES)[number];
  readonly title: string;
  readonly categories: readonly (typeof DPS_CATEGORIES)[number][];
  readonly deadline: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly priceWeight: number;
  readonly lots: readonly CompetitionLot[];
  /** The operators invited. */
  readonly invited: readonly string[];
  readonly createdAt: string;
}

export const bidInputSchema = z.object({
  lotId: idSchema,
  /** Pence for a day of the lot's work. */
  pricePence: z
    .number({ message: "expected whole pence" })
    .int({ message: "expected whole pence" })
    .positive({ message: "a price above nothing" })
    .max(10_000_000, { message: "at most £100,000 a day" }),
  /** The operator's vehicles it would use. */
  vehicleIds: z
    .array(idSchema)
    .min(1, { message: "offer at least one vehicle" })
    .max(20)
    .refine((v) => new Set(v).size === v.length, { message: "a vehicle is listed twice" }),
  /**
   * The drivers and passenger assistants it would put on the work (its staff records): their DBS
   * checks and licences must hold for the award.
   */
  staffIds: z
    .array(idSchema)
    .max(40)
    .refine((v) => new Set(v).size === v.length, { message: "a person is listed twice" })
    .default([]),
});
export type BidInput = z.infer<typeof bidInputSchema>;

export interface Bid extends BidInput {
  readonly id: string;
  readonly competitionId: string;
  readonly operatorId: string;
  /** The buyer's quality mark, 0–100, given once the bids are open. */
  readonly quality?: number;
  /** What the lot needs that the vehicles offered lack, as the engine found it; none: fits. */
  readonly unfit: readonly string[];
  readonly submittedAt: string;
}

export const qualityInputSchema = z.object({ quality: z.number().int().min(0).max(100) });

/** True once bids may be opened: the deadline has passed. */
export function bidsOpen(competition: Pick<Competition, "deadline">, now: Date): boolean {
  return now.getTime() >= Date.parse(competition.deadline);
}

/** A bid's score: price (cheapest bid scores the weight in full) plus quality, out of 100. */
export interface ScoredBid {
  readonly bid: Bid;
  readonly priceScore: number;
  readonly qualityScore: number;
  readonly score: number;
}

/**
 * The lot's bids ranked by the most economically advantageous tender: price scores `priceWeight`
 * × cheapest / price, quality `100 − priceWeight` × mark / 100 (an unmarked bid scores none for
 * quality), the cheapest bid that can serve the lot setting the scale. A bid whose vehicles cannot
 * serve the lot is ranked after every bid that can. Ties go to the cheaper bid, then the earlier.
 */
export function rankBids(bids: readonly Bid[], priceWeight: number): ScoredBid[] {
  if (bids.length === 0) return [];
  // The cheapest bid that can serve the lot sets the price scale (an unfit one would skew it).
  const fit = bids.filter((b) => b.unfit.length === 0);
  const cheapest = Math.min(...(fit.length > 0 ? fit : bids).map((b) => b.pricePence));
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return bids
    .map((bid) => {
      const priceScore = round2((priceWeight * cheapest) / bid.pricePence);
      const qualityScore = round2(((100 - priceWeight) * (bid.quality ?? 0)) / 100);
      return { bid, priceScore, qualityScore, score: round2(priceScore + qualityScore) };
    })
    .sort(
      (a, b) =>
        Number(a.bid.unfit.length > 0) - Number(b.bid.unfit.length > 0) ||
        b.score - a.score ||
        a.bid.pricePence - b.bid.pricePence ||
        a.bid.submittedAt.localeCompare(b.bid.submittedAt),
    );
}
