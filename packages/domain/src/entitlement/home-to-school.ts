import {
  busPass,
  communityTransport,
  personalTransportBudget,
  spareSeat,
  travelTraining,
} from "./alternatives";
import type { HomeToSchoolCase } from "./case-schemas";
import { type HomeToSchoolFacts, homeToSchoolFacts } from "./home-to-school-inputs";
import { cite, decidedBy, decisive, type RegimeOutcome, type RuleContext, reason } from "./rules";
import type { Alternative, Reason, RuleDefinition } from "./types";

const SCH35B = "Education Act 1996 Sch 35B";

/** The home-to-school rules, in the order of domain-rules.md §1.3. */
export const HOME_TO_SCHOOL_RULES = {
  compulsoryAge: {
    id: "htst.compulsory-school-age",
    title: "Of compulsory school age",
    source: "Education Act 1996 s8; Sch 35B paras 2–12",
    confidence: "secondary",
  },
  qualifying: {
    id: "htst.qualifying-school",
    title: "Registered at a qualifying school",
    source: `${SCH35B} para 15(2)–(3)`,
    confidence: "verified",
  },
  distance: {
    id: "htst.sch35b-6.beyond-walking-distance",
    title: "Beyond statutory walking distance",
    source: `${SCH35B} para 6; s444(5)`,
    confidence: "secondary",
  },
  need: {
    id: "htst.sch35b-2.sen-disability-mobility",
    title: "Cannot walk because of SEN, disability or mobility",
    source: `${SCH35B} para 2`,
    confidence: "verified",
  },
  unsafe: {
    id: "htst.sch35b-4.unsafe-route",
    title: "Route unsafe even when accompanied",
    source: `${SCH35B} para 4`,
    confidence: "verified",
  },
  lowIncome8to10: {
    id: "htst.sch35b-9.low-income-8-to-10",
    title: "Low income, age 8–10, over 2 miles",
    source: `${SCH35B} paras 9, 14`,
    confidence: "verified",
  },
  lowIncome11Nearest3: {
    id: "htst.sch35b-11.low-income-three-nearest",
    title: "Low income, 11+, 2–6 miles, one of three nearest",
    source: `${SCH35B} paras 11, 14`,
    confidence: "verified",
  },
  lowIncome11Religion: {
    id: "htst.sch35b-12.low-income-religion-or-belief",
    title: "Low income, 11+, 2–15 miles, nearest preferred on religion or belief",
    source: `${SCH35B} paras 12, 14`,
    confidence: "secondary",
  },
} as const satisfies Record<string, RuleDefinition>;

const R = HOME_TO_SCHOOL_RULES;

const CATEGORIES: Record<string, string> = {
  [R.distance.id]: "statutory-walking-distance",
  [R.need.id]: "special-educational-needs",
  [R.unsafe.id]: "unsafe-route",
  [R.lowIncome8to10.id]: "extended-rights-low-income",
  [R.lowIncome11Nearest3.id]: "extended-rights-low-income",
  [R.lowIncome11Religion.id]: "extended-rights-low-income",
};

function distanceInputs(f: HomeToSchoolFacts) {
  return {
    age: f.age,
    walkingMiles: f.walk.miles,
    walkingBasis: f.walk.basis,
    walkLimitMiles: f.walkLimitMiles,
  };
}

function statutoryCategories(
  c: HomeToSchoolCase,
  f: HomeToSchoolFacts,
  ctx: RuleContext,
): Reason[] {
  const p = ctx.policy.parameters;
  const within = f.walk.miles <= f.walkLimitMiles;
  const nearest = c.school.nearestSuitable;
  const limit =
    f.age < p.htstWalkLimitAge.value ? p.htstWalkLimitUnder8Miles : p.htstWalkLimitFrom8Miles;
  return [
    reason(
      R.distance,
      !within && nearest,
      `Walking route ${f.walk.miles} miles against a limit of ${cite(limit)} for age ${f.age}; ${nearest ? "the nearest suitable school" : "not the nearest suitable school"}.`,
      { ...distanceInputs(f), nearestSuitable: nearest },
    ),
    reason(
      R.need,
      within && nearest && f.hasNeed && c.pupil.cannotWalkBecauseOfNeed,
      `Within walking distance; SEN ${c.pupil.sen}, disabled ${c.pupil.disabled}, mobility problem ${c.pupil.mobilityProblem}; the individual assessment ${c.pupil.cannotWalkBecauseOfNeed ? "found" : "did not find"} that the child cannot reasonably walk, accompanied as necessary, because of that need.${c.pupil.ehcPlan ? " An EHC plan alone does not confer eligibility." : ""}`,
      {
        ...distanceInputs(f),
        sen: c.pupil.sen,
        ehcPlan: c.pupil.ehcPlan,
        disabled: c.pupil.disabled,
        mobilityProblem: c.pupil.mobilityProblem,
        cannotWalkBecauseOfNeed: c.pupil.cannotWalkBecauseOfNeed,
        nearestSuitable: nearest,
      },
    ),
    reason(
      R.unsafe,
      within && nearest && !c.school.routeSafe,
      `Within walking distance; the route assessment found the route ${c.school.routeSafe ? "safe" : "unsafe"} for a child accompanied as necessary.`,
      { ...distanceInputs(f), routeSafe: c.school.routeSafe, nearestSuitable: nearest },
    ),
  ];
}

/** What the three extended-rights rules share. */
function extendedFacts(c: HomeToSchoolCase, f: HomeToSchoolFacts, ctx: RuleContext) {
  const p = ctx.policy.parameters;
  const isSecondary = f.age >= p.htstExtendedSecondaryAge.value;
  return {
    low: c.pupil.lowIncome,
    over2: f.walk.miles > p.htstExtendedMinWalkMiles.value,
    isSecondary,
    is8to10: f.age >= p.htstExtendedLowerAge.value && !isSecondary,
    rankOk: f.rank !== null && f.rank <= p.htstExtendedNearestCount.value,
    lead: `Low income ${c.pupil.lowIncome}; age ${f.age}`,
    inputs: {
      lowIncome: c.pupil.lowIncome,
      age: f.age,
      walkingMiles: f.walk.miles,
      roadMiles: f.road.miles,
      roadBasis: f.road.basis,
    },
  };
}

function lowIncomeCategories(
  c: HomeToSchoolCase,
  f: HomeToSchoolFacts,
  ctx: RuleContext,
): Reason[] {
  const p = ctx.policy.parameters;
  const x = extendedFacts(c, f, ctx);
  const { nearestSuitable, preferredOnReligiousGrounds: religious } = c.school;
  const walked = `walking route ${f.walk.miles} miles (over ${p.htstExtendedMinWalkMiles.value})`;
  const within = (limit: number) => x.low && x.isSecondary && x.over2 && f.road.miles <= limit;
  return [
    reason(
      R.lowIncome8to10,
      x.low && x.is8to10 && x.over2 && nearestSuitable,
      `${x.lead} (8 to 10 qualifies); walking route ${f.walk.miles} miles (over ${cite(p.htstExtendedMinWalkMiles)} needed); nearest suitable school ${nearestSuitable}.`,
      { ...x.inputs, nearestSuitable },
    ),
    reason(
      R.lowIncome11Nearest3,
      within(p.htstExtendedMaxRoadMiles.value) && x.rankOk,
      `${x.lead} (11+ qualifies); ${walked}; road ${f.road.miles} miles (at most ${cite(p.htstExtendedMaxRoadMiles)}); rank ${f.rank ?? "not given"} among suitable schools (one of the ${p.htstExtendedNearestCount.value} nearest needed).`,
      { ...x.inputs, rankAmongSuitable: f.rank },
    ),
    reason(
      R.lowIncome11Religion,
      within(p.htstExtendedReligiousMaxRoadMiles.value) && religious,
      `${x.lead} (11+ qualifies); ${walked}; road ${f.road.miles} miles (at most ${cite(p.htstExtendedReligiousMaxRoadMiles)}); nearest suitable school preferred on religion or belief ${religious}.`,
      { ...x.inputs, preferredOnReligiousGrounds: religious },
    ),
  ];
}

function gateReasons(c: HomeToSchoolCase, f: HomeToSchoolFacts): [Reason, Reason] {
  return [
    reason(
      R.compulsoryAge,
      f.compulsorySchoolAge,
      f.compulsorySchoolAge
        ? `Of compulsory school age (${f.ageBasis}).`
        : `Not of compulsory school age (${f.ageBasis}): the post-16 or early-years policy applies instead.`,
      { age: f.age, dateOfBirth: c.pupil.dateOfBirth ?? null },
    ),
    reason(
      R.qualifying,
      c.school.qualifying,
      c.school.qualifying
        ? "Registered at a qualifying school."
        : "Not registered at a qualifying school: no duty under s508B (the council may help under s508C).",
      { qualifying: c.school.qualifying },
    ),
  ];
}

function alternatives(ctx: RuleContext, f: HomeToSchoolFacts, eligible: boolean): Alternative[] {
  const payer = eligible ? "organisation" : "family";
  const list = [
    personalTransportBudget(ctx.policy, f.road.miles, payer),
    travelTraining(ctx.policy, payer),
    busPass(ctx.policy, payer),
    communityTransport(ctx.policy, payer),
  ];
  return eligible ? list : [spareSeat(ctx.policy), ...list.slice(1)];
}

function discretionary(c: HomeToSchoolCase, f: HomeToSchoolFacts, ctx: RuleContext): Reason[] {
  return ctx.policy.discretionary
    .filter((rule) => rule.regime === "home-to-school")
    .map((rule) => {
      const w = rule.when;
      const met =
        (w.minAge === undefined || f.age >= w.minAge) &&
        (w.maxAgeExclusive === undefined || f.age < w.maxAgeExclusive) &&
        (w.minWalkingMiles === undefined || f.walk.miles > w.minWalkingMiles) &&
        (w.lowIncome === undefined || c.pupil.lowIncome === w.lowIncome) &&
        (w.nearestSuitable === undefined || c.school.nearestSuitable === w.nearestSuitable);
      return reason(
        { id: rule.id, title: rule.text, source: rule.source, confidence: "derived" },
        met,
        rule.text,
        { age: f.age, walkingMiles: f.walk.miles },
      );
    });
}

/** Home to school transport for a child of compulsory school age (Education Act 1996 s508B). */
export function assessHomeToSchool(c: HomeToSchoolCase, ctx: RuleContext): RegimeOutcome {
  const f = homeToSchoolFacts(c, ctx.policy, ctx.assessedOn);
  const gates = gateReasons(c, f);
  const passed = gates.every((g) => g.met);
  const statutory = passed
    ? [...statutoryCategories(c, f, ctx), ...lowIncomeCategories(c, f, ctx)]
    : [];
  const local = passed && !decisive(statutory) ? discretionary(c, f, ctx) : [];
  const winner = decisive(statutory) ?? decisive(local);
  const localRule = ctx.policy.discretionary.find((r) => r.id === winner?.ruleId);
  const eligible = winner !== undefined;
  return {
    regime: "home-to-school",
    eligible,
    decidedBy: decidedBy(winner, gates, "htst.no-category-met"),
    category: winner
      ? (CATEGORIES[winner.ruleId] ?? localRule?.category ?? "local-discretionary")
      : "not-eligible",
    legalBasis: localRule
      ? "Education Act 1996 s508C (discretionary)"
      : eligible
        ? "Education Act 1996 s508B and Sch 35B"
        : "Not eligible under s508B; s508C discretion and appeal rights apply",
    estimated: f.walk.estimated || (f.road.estimated && c.pupil.lowIncome),
    reasons: passed ? [...gates, ...statutory, ...local] : gates.slice(0, gates[0].met ? 2 : 1),
    alternatives: alternatives(ctx, f, eligible),
    signposts: f.compulsorySchoolAge
      ? []
      : ["Assess under the post-16 regime (or the early-years policy for under-5s)."],
    contributionPence: localRule?.contributionPence ?? 0,
    ...(f.nextRuleBirthday ? { reviewBy: f.nextRuleBirthday } : {}),
  };
}
