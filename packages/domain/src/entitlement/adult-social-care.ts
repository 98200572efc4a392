import { busPass, communityTransport } from "./alternatives";
import type { AdultSocialCareCase } from "./case-schemas";
import { ageOn } from "./dates";
import { decidedBy, type RegimeOutcome, type RuleContext, reason } from "./rules";
import type { Reason, RuleDefinition } from "./types";

/** Adult social care transport: provided to meet an assessed eligible need in the care plan. */
export const ADULT_SOCIAL_CARE_RULES = {
  adult: { id: "asc.adult", title: "An adult", source: "Care Act 2014", confidence: "secondary" },
  eligibleNeeds: {
    id: "asc.eligible-needs",
    title: "Assessed eligible needs",
    source: "Care Act 2014 s13; Care and Support (Eligibility Criteria) Regulations 2015",
    confidence: "unverified",
  },
  transportNeed: {
    id: "asc.transport-in-care-plan",
    title: "Care plan says transport is needed to meet the need, with no other reasonable means",
    source:
      "Care Act 2014 s24–25 (care and support plan); local adult social care transport policy",
    confidence: "derived",
  },
} as const satisfies Record<string, RuleDefinition>;

const R = ADULT_SOCIAL_CARE_RULES;

function ascReasons(c: AdultSocialCareCase, ctx: RuleContext): Reason[] {
  const p = ctx.policy.parameters;
  const age = c.person.dateOfBirth
    ? ageOn(c.person.dateOfBirth, ctx.assessedOn)
    : (c.person.age ?? 0);
  const { ownTransport, canUsePublicTransport } = c.person;
  const { eligibleNeeds, transportNeededToMeetNeed, familyOrCarerCanTransport } = c.carePlan;
  const otherMeans = ownTransport || canUsePublicTransport || familyOrCarerCanTransport;
  const miles = c.service?.distanceMiles ?? null;
  const farEnough = miles === null || miles >= p.ascMinDistanceMiles.value;
  return [
    reason(R.adult, age >= p.ascMinAge.value, `Age ${age} (at least ${p.ascMinAge.value}).`, {
      age,
    }),
    reason(
      R.eligibleNeeds,
      eligibleNeeds,
      eligibleNeeds
        ? "The needs assessment found eligible needs."
        : "No eligible needs were found by the needs assessment.",
      { eligibleNeeds },
    ),
    reason(
      R.transportNeed,
      transportNeededToMeetNeed && !otherMeans && farEnough,
      `Care plan: transport needed ${transportNeededToMeetNeed}; own transport ${ownTransport}, can use public transport ${canUsePublicTransport}, family or carer can transport ${familyOrCarerCanTransport}.`,
      {
        transportNeededToMeetNeed,
        ownTransport,
        canUsePublicTransport,
        familyOrCarerCanTransport,
        distanceMiles: miles,
      },
    ),
  ];
}

/** Transport to meet an assessed eligible need, when the care plan says so. */
export function assessAdultSocialCare(c: AdultSocialCareCase, ctx: RuleContext): RegimeOutcome {
  const reasons = ascReasons(c, ctx);
  const eligible = reasons.every((r) => r.met);
  return {
    regime: "adult-social-care",
    eligible,
    decidedBy: decidedBy(undefined, reasons, R.transportNeed.id),
    category: eligible ? "assessed-need" : "not-eligible",
    legalBasis: eligible
      ? "Care Act 2014 s18 duty to meet eligible needs, as set in the care and support plan"
      : "Not provided under the care plan",
    estimated: false,
    reasons,
    alternatives: [
      busPass(ctx.policy, eligible ? "organisation" : "family"),
      communityTransport(ctx.policy, "family", 250),
    ],
    signposts: eligible
      ? ["Transport forms part of the care package and is subject to the financial assessment."]
      : ["A concessionary bus pass, community transport or DRT may meet the need."],
    contributionPence: 0,
  };
}
