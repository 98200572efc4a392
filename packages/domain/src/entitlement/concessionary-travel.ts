import { findMinutesOfDay, formatMinutesOfDay } from "../shared/time-of-day";
import type { ConcessionaryTravelCase, ServiceType } from "./case-schemas";
import { ageOn, dayOfWeek, isBankHoliday } from "./dates";
import { decidedBy, type RegimeOutcome, type RuleContext, reason } from "./rules";
import type { Reason, RuleDefinition } from "./types";

/** English National Concessionary Travel Scheme (domain-rules.md §7). */
export const CONCESSIONARY_RULES = {
  holder: {
    id: "encts.eligible-person",
    title: "Eligible older or disabled person",
    source: "Transport Act 2000 s145A(4), s146; DfT ENCTS guidance",
    confidence: "secondary",
  },
  service: {
    id: "encts.eligible-service",
    title: "Registered local bus service open to the public",
    source: "Transport Act 2000 s146 (not read: domain-rules.md §7 encoding)",
    confidence: "unverified",
  },
  time: {
    id: "encts.relevant-time",
    title: "Journey begins at a relevant time",
    source: "Transport Act 2000 s145A(2); relevant times per Hansard 2007 written answer",
    confidence: "secondary",
  },
} as const satisfies Record<string, RuleDefinition>;

const R = CONCESSIONARY_RULES;

/** Services that must accept the pass (domain-rules.md §7, pending s146). */
export const ENCTS_SERVICES: readonly ServiceType[] = [
  "registered-local-bus",
  "registered-drt",
  "s22-community-bus",
];

function journeyReasons(
  j: NonNullable<ConcessionaryTravelCase["journey"]>,
  ctx: RuleContext,
): Reason[] {
  const p = ctx.policy.parameters;
  const serviceOk =
    ENCTS_SERVICES.includes(j.service) && j.startsInEngland && !j.startsOnLondonNetwork;
  const day = dayOfWeek(j.date);
  const allDay = day === 0 || day === 6 || isBankHoliday(j.date);
  const minutes = findMinutesOfDay(j.boardingTime) ?? 0;
  const inWindow =
    minutes >= p.enctsStartMinutesWeekday.value && minutes < p.enctsEndMinutesWeekday.value;
  const window = `${formatMinutesOfDay(p.enctsStartMinutesWeekday.value)}–${formatMinutesOfDay(p.enctsEndMinutesWeekday.value)}`;
  return [
    reason(
      R.service,
      serviceOk,
      `Service ${j.service}; starts in England ${j.startsInEngland}; starts on the London bus network ${j.startsOnLondonNetwork}.`,
      {
        service: j.service,
        startsInEngland: j.startsInEngland,
        startsOnLondonNetwork: j.startsOnLondonNetwork,
      },
    ),
    reason(
      R.time,
      allDay || inWindow,
      allDay
        ? `Boarding on ${j.date}, a weekend day or bank holiday: valid all day.`
        : `Boarding at ${j.boardingTime} on a weekday: valid ${window} (${p.enctsStartMinutesWeekday.origin} times).`,
      { date: j.date, boardingTime: j.boardingTime },
    ),
  ];
}

function holderReason(
  c: ConcessionaryTravelCase,
  ctx: RuleContext,
): { holder: Reason; pension: boolean } {
  const age = c.person.dateOfBirth
    ? ageOn(c.person.dateOfBirth, ctx.assessedOn)
    : (c.person.age ?? 0);
  const pension =
    c.person.statePensionAgeReached ?? age >= ctx.policy.parameters.enctsPensionAge.value;
  const disability = c.person.disability ?? null;
  const text = `State pension age reached ${pension}; eligible disability ${disability ?? "none"}.`;
  const inputs = { age, statePensionAgeReached: pension, disability };
  return { holder: reason(R.holder, pension || disability !== null, text, inputs), pension };
}

/** Pass eligibility and, when a journey is given, whether its fare is waived at boarding. */
export function assessConcessionaryTravel(
  c: ConcessionaryTravelCase,
  ctx: RuleContext,
): RegimeOutcome {
  const { holder, pension } = holderReason(c, ctx);
  const journey = c.journey ? journeyReasons(c.journey, ctx) : [];
  const eligible = holder.met && journey.every((r) => r.met);
  const passCategory = pension ? "older-person-pass" : "disabled-person-pass";
  const journeyCategory = eligible ? "fare-waived" : "fare-payable";
  return {
    regime: "concessionary-travel",
    eligible,
    decidedBy: decidedBy(undefined, [holder, ...journey], (journey.at(-1) ?? holder).ruleId),
    category: !holder.met ? "not-eligible" : c.journey ? journeyCategory : passCategory,
    legalBasis: "Transport Act 2000 s145A (English National Concessionary Travel Scheme)",
    estimated: false,
    reasons: [holder, ...journey],
    alternatives: [],
    signposts: holder.met
      ? []
      : ["Community transport or DRT; the council may run a local discretionary scheme."],
    contributionPence: 0,
  };
}
