/** How sure we are of a rule or figure (docs/entitlement.md, "Confidence"). */
export const CONFIDENCE = ["verified", "secondary", "unverified", "derived"] as const;
export type Confidence = (typeof CONFIDENCE)[number];

/** The regimes under which someone may be entitled to publicly funded travel. */
export const REGIMES = [
  "home-to-school",
  "post-16",
  "adult-social-care",
  "nepts",
  "concessionary-travel",
  "community-transport",
] as const;
export type Regime = (typeof REGIMES)[number];

/** A rule the engine applies, with where it comes from. */
export interface RuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly confidence: Confidence;
}

/** One rule checked for a decision: what it says, whether it was met, and the inputs it read. */
export interface Reason {
  readonly ruleId: string;
  readonly met: boolean;
  readonly text: string;
  readonly source: string;
  readonly confidence: Confidence;
  readonly inputs: Readonly<Record<string, string | number | boolean | null>>;
}

export const ALTERNATIVE_KINDS = [
  "personal-transport-budget",
  "independent-travel-training",
  "bus-pass",
  "community-transport",
  "spare-seat",
  "healthcare-travel-costs-scheme",
] as const;
export type AlternativeKind = (typeof ALTERNATIVE_KINDS)[number];

/** Another way to meet the need, with an estimated annual cost and how it was worked out. */
export interface Alternative {
  readonly kind: AlternativeKind;
  readonly description: string;
  /** Estimated cost over a year, in whole pence. */
  readonly annualCostPence: number;
  /** Who would normally pay. */
  readonly paidBy: "organisation" | "family" | "nhs";
  readonly basis: string;
  readonly confidence: Confidence;
}

export interface PolicyReference {
  readonly id: string;
  readonly version: string;
  readonly localId: string | null;
  readonly localVersion: string | null;
}

/** The answer to one case: explainable enough to defend on appeal. */
export interface EntitlementDecision {
  readonly regime: Regime;
  readonly eligible: boolean;
  /** Why, in one word: the decisive rule's category, or `not-eligible`. */
  readonly category: string;
  /** The rule that decided: the first met category, the gate that failed, or `…no-category-met`. */
  readonly decidedBy: string;
  /** The statutory or local power under which travel is (or is not) provided. */
  readonly legalBasis: string;
  /** True when an input (e.g. a walking distance) was estimated, not measured. */
  readonly estimated: boolean;
  readonly summary: string;
  /** Every rule checked, in order; the decisive one is the first met rule (or the last). */
  readonly reasons: readonly Reason[];
  readonly alternatives: readonly Alternative[];
  /** Where to send someone who is not eligible (e.g. the Healthcare Travel Costs Scheme). */
  readonly signposts: readonly string[];
  /** Annual contribution a family or person pays, in pence, when the policy charges one. */
  readonly contributionPence: number;
  readonly assessedOn: string;
  readonly reviewDate: string;
  readonly appealDeadline: string;
  readonly policy: PolicyReference;
}
