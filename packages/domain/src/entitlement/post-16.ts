import { busPass, personalTransportBudget, travelTraining } from "./alternatives";
import type { Post16Case } from "./case-schemas";
import { ageOn } from "./dates";
import { cite, decidedBy, decisive, type RegimeOutcome, type RuleContext, reason } from "./rules";
import type { RuleDefinition } from "./types";

/** Post-16 (s509AA policy statement) and adult learners with an EHC plan (s508F). */
export const POST_16_RULES = {
  age: {
    id: "post16.sixth-form-age",
    title: "Sixth-form age (16–18, or 19+ on a course started before 19)",
    source: "Education Act 1996 s509AC",
    confidence: "secondary",
  },
  send: {
    id: "post16.send",
    title: "SEND: cannot travel independently (policy statement)",
    source: "Education Act 1996 s509AA–AB; local post-16 transport policy statement",
    confidence: "secondary",
  },
  distance: {
    id: "post16.distance",
    title: "Nearest suitable course beyond the policy distance",
    source: "Local post-16 transport policy statement (s509AA)",
    confidence: "derived",
  },
  adultLearner: {
    id: "post16.s508f-adult-learner",
    title: "Adult learner 19–25 with an EHC plan",
    source: "Education Act 1996 s508F (IPSEA; Brighton & Hove)",
    confidence: "secondary",
  },
} as const satisfies Record<string, RuleDefinition>;

const R = POST_16_RULES;

function facts(c: Post16Case, assessedOn: string) {
  const age = c.student.dateOfBirth
    ? ageOn(c.student.dateOfBirth, assessedOn)
    : (c.student.age ?? 0);
  const startAge = c.student.courseStartAge ?? age;
  const sixthForm = (age >= 16 && age <= 18) || (age >= 19 && startAge < 19);
  const adultLearner = age >= 19 && age <= 25 && startAge >= 19 && c.student.ehcPlan;
  const send = c.student.ehcPlan || c.student.sen || c.student.disabled;
  return { age, startAge, sixthForm, adultLearner, send };
}

type Facts = ReturnType<typeof facts>;

function post16Reasons(c: Post16Case, f: Facts, ctx: RuleContext) {
  const p = ctx.policy.parameters;
  const s = c.student;
  const course = c.course;
  const far = course.distanceMiles > p.post16MinDistanceMiles.value;
  const need = { ehcPlan: s.ehcPlan, sen: s.sen, disabled: s.disabled };
  const alone = s.cannotTravelIndependently;
  return [
    reason(
      R.age,
      f.sixthForm,
      `Age ${f.age}, course started at ${f.startAge}: ${f.sixthForm ? "sixth-form age" : "not sixth-form age"}.`,
      { age: f.age, courseStartAge: f.startAge },
    ),
    reason(
      R.send,
      f.sixthForm && f.send && alone && course.fullTime,
      `EHC plan ${s.ehcPlan}, SEN ${s.sen}, disabled ${s.disabled}; cannot travel independently ${alone}; full-time ${course.fullTime}.`,
      { ...need, cannotTravelIndependently: alone, fullTime: course.fullTime },
    ),
    reason(
      R.distance,
      f.sixthForm && far && course.nearestSuitable && course.fullTime,
      `Course ${course.distanceMiles} miles away (over ${cite(p.post16MinDistanceMiles)} needed); nearest suitable ${course.nearestSuitable}; full-time ${course.fullTime}.`,
      {
        distanceMiles: course.distanceMiles,
        nearestSuitable: course.nearestSuitable,
        fullTime: course.fullTime,
      },
    ),
    reason(
      R.adultLearner,
      f.adultLearner && alone,
      `Age ${f.age}, course started at ${f.startAge}, EHC plan ${s.ehcPlan}: transport the council considers necessary must be free (s508F).`,
      {
        age: f.age,
        courseStartAge: f.startAge,
        ehcPlan: s.ehcPlan,
        cannotTravelIndependently: alone,
      },
    ),
  ];
}

const CATEGORIES: Record<string, string> = {
  [R.send.id]: "post-16-send",
  [R.distance.id]: "post-16-policy-statement",
  [R.adultLearner.id]: "adult-learner-s508f",
};

/** Post-16 transport: what the council's policy statement promises, and any contribution. */
export function assessPost16(c: Post16Case, ctx: RuleContext): RegimeOutcome {
  const p = ctx.policy.parameters;
  const reasons = post16Reasons(c, facts(c, ctx.assessedOn), ctx);
  const winner = decisive(reasons.slice(1));
  const category = winner ? (CATEGORIES[winner.ruleId] ?? "not-eligible") : "not-eligible";
  const free = category === "adult-learner-s508f";
  const charge = c.student.lowIncome
    ? p.post16LowIncomeContributionPence
    : p.post16ContributionPence;
  const payer = winner ? "organisation" : "family";
  return {
    regime: "post-16",
    eligible: winner !== undefined,
    decidedBy: decidedBy(winner, reasons.slice(0, 1), "post16.no-category-met"),
    category,
    legalBasis: free
      ? "Education Act 1996 s508F (free)"
      : "Education Act 1996 s509AA post-16 transport policy statement",
    estimated: false,
    reasons,
    alternatives: [
      personalTransportBudget(ctx.policy, c.course.distanceMiles, payer),
      travelTraining(ctx.policy, payer),
      busPass(ctx.policy, "family"),
    ],
    signposts: winner
      ? []
      : ["16–19 Bursary Fund (the college or school) may help with travel costs."],
    contributionPence: winner && !free ? charge.value : 0,
  };
}
