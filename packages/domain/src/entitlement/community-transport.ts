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

export function assessCommunityTransport(
  c: CommunityTransportCase,
  ctx: RuleContext,
): RegimeOutcome {
  const t = c.service.type;
  const x = c.person;
  const classes = {
    memberOfBody: x.memberOfBody,
    disabled: x.disabled,
    seriouslyIll: x.seriouslyIll,
    pupilOrStudent: x.pupilOrStudent,
    noAccessToPublicTransport: x.noAccessToPublicTransport,
  };
  const inClass = Object.values(classes).some(Boolean);
  const rule = t === "s19-permit" ? R.s19 : t === "volunteer-car" ? R.car : R.open;
  const met = t === "s19-permit" ? inClass : t === "volunteer-car" ? x.memberOfBody : true;
  const text =
    t === "s19-permit"
      ? inClass
        ? "In a class the permit holder may carry; never the general public."
        : "Not in any class a section 19 permit may carry (members, people the body exists to benefit, disabled or seriously ill people, pupils, residents without public transport)."
      : t === "volunteer-car"
        ? `Member of the scheme ${x.memberOfBody}.`
        : "A registered local service carries the general public; concessionary passes are accepted.";
  const chosen = reason(rule, met, text, { service: t, ...classes });
  return {
    regime: "community-transport",
    eligible: met,
    decidedBy: rule.id,
    category: met
      ? t === "s19-permit"
        ? "s19-passenger-class"
        : t === "volunteer-car"
          ? "volunteer-car-scheme"
          : "open-to-public"
      : "not-eligible",
    legalBasis:
      t === "s19-permit"
        ? "Transport Act 1985 s19 permit"
        : t === "s22-community-bus"
          ? "Transport Act 1985 s22 permit"
          : t === "registered-drt"
            ? "Registered local bus service"
            : "Volunteer car scheme (not a PSV)",
    estimated: false,
    reasons: [chosen],
    alternatives: [communityTransport(ctx.policy, "family", 1)],
    signposts: met
      ? []
      : [
          "Join the operating body, or use a registered DRT or s22 community bus service open to everyone.",
        ],
    contributionPence: 0,
  };
}
