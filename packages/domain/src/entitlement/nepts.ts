import { communityTransport } from "./alternatives";
import type { NeptsCase } from "./case-schemas";
import { ageOn } from "./dates";
import { cite, decidedBy, decisive, type RegimeOutcome, type RuleContext, reason } from "./rules";
import type { Alternative, Reason, RuleDefinition } from "./types";

const B1244 =
  "NHS England, Eligibility criteria for non-emergency patient transport services (May 2022, B1244)";

/** NEPTS national eligibility criteria (domain-rules.md §2.2), with the HTCS and escorts. */
export const NEPTS_RULES = {
  scope: {
    id: "nepts.scope",
    title: "NHS-funded secondary-care appointment",
    source: `${B1244}; local ICB policies exclude primary care`,
    confidence: "secondary",
  },
  dialysis: {
    id: "nepts.dialysis",
    title: "In-centre haemodialysis: universal transport support",
    source: "NHS England, Transport support for patients attending in-centre haemodialysis",
    confidence: "verified",
  },
  medical: {
    id: "nepts.medical-need",
    title: "Medical need during the journey",
    source: `${B1244} (as published by Your Healthcare CIC)`,
    confidence: "secondary",
  },
  mobility: {
    id: "nepts.mobility",
    title: "Mobility need",
    source: `${B1244} (as published by Your Healthcare CIC); wheelchair qualifier unconfirmed`,
    confidence: "secondary",
  },
  wider: {
    id: "nepts.wider-circumstances",
    title: "Treatment missed or severely delayed",
    source: `${B1244} (NHS England summary)`,
    confidence: "secondary",
  },
  escort: {
    id: "nepts.escort",
    title: "Escort allowed",
    source: "CLCH and Coastal West Sussex escort rules (national text not read)",
    confidence: "unverified",
  },
  htcs: {
    id: "nepts.htcs",
    title: "Healthcare Travel Costs Scheme",
    source: "NHS Healthcare Travel Costs Scheme (Redbridge, Wiltshire, South Tees publications)",
    confidence: "secondary",
  },
} as const satisfies Record<string, RuleDefinition>;

const R = NEPTS_RULES;

const CATEGORIES: Record<string, string> = {
  [R.dialysis.id]: "dialysis",
  [R.medical.id]: "medical-need",
  [R.mobility.id]: "mobility",
  [R.wider.id]: "wider-circumstances",
};

/** The names of the true flags in a group, for the explanation. */
function trueFlags(group: Record<string, boolean>): string[] {
  return Object.entries(group)
    .filter(([, value]) => value)
    .map(([key]) => key);
}

function criteria(c: NeptsCase): Reason[] {
  const medical = trueFlags(c.patient.medical);
  const mobility = trueFlags(c.patient.mobility);
  return [
    reason(
      R.dialysis,
      c.appointment.inCentreHaemodialysis,
      c.appointment.inCentreHaemodialysis
        ? "Travelling to or from in-centre haemodialysis: transport support is a universal commitment (NEPTS, other transport, upfront payment or reimbursement)."
        : "Not an in-centre haemodialysis journey.",
      { inCentreHaemodialysis: c.appointment.inCentreHaemodialysis },
    ),
    reason(
      R.medical,
      medical.length > 0,
      medical.length > 0
        ? `Medical need during the journey: ${medical.join(", ")}.`
        : "No medical need during the journey was recorded.",
      { ...c.patient.medical },
    ),
    reason(
      R.mobility,
      mobility.length > 0,
      mobility.length > 0
        ? `Mobility need: ${mobility.join(", ")}.`
        : "No qualifying mobility need was recorded.",
      { ...c.patient.mobility },
    ),
    reason(
      R.wider,
      c.patient.treatmentMissedOrDelayed,
      c.patient.treatmentMissedOrDelayed
        ? "Wider mobility or medical needs have led to treatment or discharge being missed or severely delayed."
        : "No record of treatment missed or severely delayed because of wider needs.",
      { treatmentMissedOrDelayed: c.patient.treatmentMissedOrDelayed },
    ),
  ];
}

function localExtensions(c: NeptsCase, ctx: RuleContext): Reason[] {
  return ctx.policy.discretionary
    .filter((rule) => rule.regime === "nepts")
    .map((rule) =>
      reason(
        { id: rule.id, title: rule.text, source: rule.source, confidence: "derived" },
        rule.when.treatment !== undefined && rule.when.treatment === c.appointment.treatment,
        rule.text,
        { treatment: c.appointment.treatment ?? null },
      ),
    );
}

function escortReason(c: NeptsCase, age: number, ctx: RuleContext): Reason | undefined {
  if (!c.escort) return undefined;
  const limit = ctx.policy.parameters.neptsEscortChildUnderAge;
  const why = c.escort.reason;
  const allowed = why === "patient-is-child" ? age < limit.value : why !== "mobility-only";
  const text =
    why === "mobility-only"
      ? "Mobility need alone does not justify an escort."
      : why === "patient-is-child"
        ? `Escort for a child: age ${age}, under ${cite(limit)} needed.`
        : `Escort allowed: ${why}.`;
  return reason(R.escort, allowed, text, { escortReason: why, age });
}

/** All three HTCS conditions: low income, referred to secondary care, on a separate visit. */
function htcsReason(c: NeptsCase): Reason {
  const lowIncome = c.patient.qualifyingBenefit || c.patient.lowIncomeCertificate !== "none";
  const met =
    lowIncome &&
    c.appointment.referredByClinician &&
    c.appointment.separateVisitFromReferral &&
    c.appointment.setting === "secondary-care";
  return reason(
    R.htcs,
    met,
    met
      ? "May claim travel costs under the Healthcare Travel Costs Scheme: cheapest public transport fare or mileage, within 3 months."
      : "Does not meet all three Healthcare Travel Costs Scheme conditions (qualifying benefit or HC2/HC3, referral to secondary care, separate visit).",
    {
      qualifyingBenefit: c.patient.qualifyingBenefit,
      lowIncomeCertificate: c.patient.lowIncomeCertificate,
      referredByClinician: c.appointment.referredByClinician,
      separateVisitFromReferral: c.appointment.separateVisitFromReferral,
    },
  );
}

function ineligibleHelp(
  c: NeptsCase,
  ctx: RuleContext,
  htcs: Reason,
): { alternatives: Alternative[]; signposts: string[] } {
  const signposts = [
    "Community transport, DRT or a volunteer car scheme (patient transport advice).",
  ];
  const alternatives: Alternative[] = [communityTransport(ctx.policy, "family", 1)];
  if (htcs.met) {
    signposts.unshift(
      "Healthcare Travel Costs Scheme: claim the cheapest public transport fare or mileage within 3 months of the appointment.",
    );
    const miles = c.appointment.distanceMiles ?? 0;
    const rate = ctx.policy.parameters.ptbPencePerMile.value;
    alternatives.unshift({
      kind: "healthcare-travel-costs-scheme",
      description: "Reimbursement of travel costs under the HTCS",
      annualCostPence: Math.round(rate * miles * 2),
      paidBy: "nhs",
      basis: `${rate}p/mile × ${miles} miles × 2 for one appointment (the hospital's mileage rate may differ)`,
      confidence: "secondary",
    });
  } else {
    signposts.push("The Healthcare Travel Costs Scheme was checked and does not apply.");
  }
  return { alternatives, signposts };
}

/** Non-emergency patient transport against the national criteria, layered with ICB extensions. */
export function assessNepts(c: NeptsCase, ctx: RuleContext): RegimeOutcome {
  const age = c.patient.dateOfBirth
    ? ageOn(c.patient.dateOfBirth, ctx.assessedOn)
    : (c.patient.age ?? 0);
  const inScope = c.appointment.nhsFunded && c.appointment.setting === "secondary-care";
  const scope = reason(
    R.scope,
    inScope,
    inScope
      ? "An NHS-funded secondary-care appointment."
      : "Primary-care appointments and non-NHS treatment are outside NEPTS.",
    { setting: c.appointment.setting, nhsFunded: c.appointment.nhsFunded },
  );
  const national = inScope ? criteria(c) : [];
  const local = inScope && !decisive(national) ? localExtensions(c, ctx) : [];
  const winner = decisive(national) ?? decisive(local);
  const eligible = winner !== undefined;
  const escort = eligible ? escortReason(c, age, ctx) : undefined;
  const htcs = eligible ? undefined : htcsReason(c);
  const help = htcs ? ineligibleHelp(c, ctx, htcs) : { alternatives: [], signposts: [] };
  const localRule = ctx.policy.discretionary.find((r) => r.id === winner?.ruleId);
  return {
    regime: "nepts",
    eligible,
    decidedBy: decidedBy(winner, [scope], "nepts.no-criterion-met"),
    category: winner
      ? (CATEGORIES[winner.ruleId] ?? localRule?.category ?? "local-extension")
      : "not-eligible",
    legalBasis: eligible
      ? "NHS Act 2006 s3 duty as commissioned by the ICB; NHS England NEPTS eligibility criteria 2022"
      : "Not eligible for NEPTS",
    estimated: false,
    reasons: [scope, ...national, ...local, ...(escort ? [escort] : []), ...(htcs ? [htcs] : [])],
    alternatives: help.alternatives,
    signposts: help.signposts,
    contributionPence: 0,
    reviewWorkingDays: ctx.policy.parameters.neptsReviewWorkingDays.value,
  };
}
