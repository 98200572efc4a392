import { type DomainIssue, fail, ok, type Result } from "../shared/issues";
import { assessAdultSocialCare } from "./adult-social-care";
import { type EntitlementCase, entitlementCaseSchema } from "./case-schemas";
import { assessCommunityTransport } from "./community-transport";
import { assessConcessionaryTravel } from "./concessionary-travel";
import { addWorkingDays, nextWorkingDayFrom } from "./dates";
import { assessHomeToSchool } from "./home-to-school";
import { assessNepts } from "./nepts";
import {
  type LocalPolicy,
  type ResolvedPolicy,
  resolvePolicy,
  type StatutoryPolicy,
} from "./policy";
import { assessPost16 } from "./post-16";
import type { RegimeOutcome, RuleContext } from "./rules";
import type { EntitlementDecision } from "./types";

export interface AssessOptions {
  readonly policy: StatutoryPolicy;
  readonly localPolicy?: LocalPolicy;
  /** The assessment date, "YYYY-MM-DD": the rules never read a clock. */
  readonly assessedOn: string;
}

/** Parses a case of any regime, listing every problem with the field's dotted path. */
export function parseEntitlementCase(input: unknown): Result<EntitlementCase> {
  const result = entitlementCaseSchema.safeParse(input);
  if (result.success) return ok(result.data);
  const issues: DomainIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "regime",
    message: issue.message,
  }));
  return fail(issues);
}

function outcomeOf(c: EntitlementCase, ctx: RuleContext): RegimeOutcome {
  switch (c.regime) {
    case "home-to-school":
      return assessHomeToSchool(c, ctx);
    case "post-16":
      return assessPost16(c, ctx);
    case "adult-social-care":
      return assessAdultSocialCare(c, ctx);
    case "nepts":
      return assessNepts(c, ctx);
    case "concessionary-travel":
      return assessConcessionaryTravel(c, ctx);
    case "community-transport":
      return assessCommunityTransport(c, ctx);
  }
}

function summarise(o: RegimeOutcome): string {
  const decided = o.reasons.find((r) => r.ruleId === o.decidedBy);
  const text = decided?.text ?? "none of the rules checked was met.";
  return `${o.eligible ? "Eligible" : "Not eligible"} (${o.category}): ${text}`;
}

/** Assesses a parsed case against a resolved policy on a date. */
export function assessResolved(
  c: EntitlementCase,
  policy: ResolvedPolicy,
  assessedOn: string,
): EntitlementDecision {
  const outcome = outcomeOf(c, { policy, assessedOn });
  const p = policy.parameters;
  const standardReview = addWorkingDays(
    assessedOn,
    outcome.reviewWorkingDays ?? p.reviewWorkingDays.value,
  );
  const early = outcome.reviewBy ? nextWorkingDayFrom(outcome.reviewBy) : undefined;
  return {
    regime: outcome.regime,
    eligible: outcome.eligible,
    category: outcome.category,
    decidedBy: outcome.decidedBy,
    legalBasis: outcome.legalBasis,
    estimated: outcome.estimated,
    summary: summarise(outcome),
    reasons: outcome.reasons,
    alternatives: outcome.alternatives,
    signposts: outcome.signposts,
    contributionPence: outcome.contributionPence,
    assessedOn,
    reviewDate: early && early < standardReview ? early : standardReview,
    appealDeadline: addWorkingDays(assessedOn, p.appealWorkingDays.value),
    policy: policy.reference,
  };
}

/**
 * Decides one case: validates it (throwing an error listing every problem), layers the local
 * policy over the statutory one and applies the regime's rules in order.
 */
export function assess(input: unknown, options: AssessOptions): EntitlementDecision {
  const parsed = parseEntitlementCase(input);
  if (!parsed.ok)
    throw new Error(
      `invalid case: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    );
  return assessResolved(
    parsed.value,
    resolvePolicy(options.policy, options.localPolicy),
    options.assessedOn,
  );
}
