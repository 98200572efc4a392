import { communityTransport } from "./alternatives";
import type { CommunityTransportCase } from "./case-schemas";
import { type RegimeOutcome, type RuleContext, reason } from "./rules";
import type { RuleDefinition } from "./types";

/** Who may be carried on community transport and DRT (domain-rules.md §3.2, §3.4, §7). */
export const COMMUNITY_TRANSPORT_RULES = {
  open: {
    id: "ct.open-to-public",
    title: "Registered local service open to the public",
    source: "Transport Act 1985 s22; registered DRT (DfT DRT toolkit 2022)",
    confidence: "secondary",
  },
  s19: {
    id: "ct.s19-passenger-class",
    title: "In a class a section 19 permit may carry",
    source: "Transport Act 1985 s19 (West Sussex CC guidance)",
    confidence: "secondary",
  },
  car: {
    id: "ct.volunteer-car-member",
    title: "Member of the volunteer car scheme",
    source: "Volunteer car scheme rules (CTA Journal 2011)",
    confidence: "unverified",
  },
} as const satisfies Record<string, RuleDefinition>;

const R = COMMUNITY_TRANSPORT_RULES;

type ServiceKind = CommunityTransportCase["service"]["type"];

/** Per kind of service: the rule, the category when met and the legal basis. */
const SERVICES: Record<
  ServiceKind,
  { rule: RuleDefinition; category: string; legalBasis: string }
> = {
  "registered-drt": {
    rule: R.open,
    category: "open-to-public",
    legalBasis: "Registered local bus service",
  },
  "s22-community-bus": {
    rule: R.open,
    category: "open-to-public",
    legalBasis: "Transport Act 1985 s22 permit",
  },
  "s19-permit": {
    rule: R.s19,
    category: "s19-passenger-class",
    legalBasis: "Transport Act 1985 s19 permit",
  },
  "volunteer-car": {
    rule: R.car,
    category: "volunteer-car-scheme",
    legalBasis: "Volunteer car scheme (not a PSV)",
  },
};

function carriage(c: CommunityTransportCase): { met: boolean; text: string } {
  const x = c.person;
  const inClass =
    x.memberOfBody ||
    x.disabled ||
    x.seriouslyIll ||
    x.pupilOrStudent ||
    x.noAccessToPublicTransport;
  switch (c.service.type) {
    case "s19-permit":
      return {
        met: inClass,
        text: inClass
          ? "In a class the permit holder may carry; never the general public."
          : "Not in any class a section 19 permit may carry (members, people the body exists to benefit, disabled or seriously ill people, pupils, residents without public transport).",
      };
    case "volunteer-car":
      return { met: x.memberOfBody, text: `Member of the scheme ${x.memberOfBody}.` };
    default:
      return {
        met: true,
        text: "A registered local service carries the general public; concessionary passes are accepted.",
      };
  }
}

/** Whether a person may be carried on a community transport or DRT service. */
export function assessCommunityTransport(
  c: CommunityTransportCase,
  ctx: RuleContext,
): RegimeOutcome {
  const x = c.person;
  const service = SERVICES[c.service.type];
  const { met, text } = carriage(c);
  const inputs = {
    service: c.service.type,
    memberOfBody: x.memberOfBody,
    disabled: x.disabled,
    seriouslyIll: x.seriouslyIll,
    pupilOrStudent: x.pupilOrStudent,
    noAccessToPublicTransport: x.noAccessToPublicTransport,
  };
  return {
    regime: "community-transport",
    eligible: met,
    decidedBy: service.rule.id,
    category: met ? service.category : "not-eligible",
    legalBasis: service.legalBasis,
    estimated: false,
    reasons: [reason(service.rule, met, text, inputs)],
    alternatives: [communityTransport(ctx.policy, "family", 1)],
    signposts: met
      ? []
      : [
          "Join the operating body, or use a registered DRT or s22 community bus service open to everyone.",
        ],
    contributionPence: 0,
  };
}
