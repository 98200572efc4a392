import type { Parameter, StatutoryPolicy } from "../policy";

const SCH35B = "Education Act 1996 Sch 35B (legislation.gov.uk/ukpga/1996/56/schedule/35B)";

const p = (
  value: number,
  unit: string,
  source: string,
  confidence: Parameter["confidence"],
): Parameter => ({ value, unit, source, confidence });

/**
 * National rules and default figures for England from 1 September 2026 (domain-rules.md §1, §2, §7).
 * Confidence follows the design tags: verified [V], secondary [S], unverified [U], derived [D].
 */
export const ENGLAND_2026: StatutoryPolicy = {
  id: "england-statutory",
  version: "2026.1",
  title: "England: statutory entitlement rules and default figures",
  effectiveFrom: "2026-01-01",
  effectiveTo: null,
  source: `${SCH35B}; NHS England B1244 (May 2022); Transport Act 2000 s145A`,
  confidence: "secondary",
  parameters: {
    htstWalkLimitUnder8Miles: p(
      2,
      "miles",
      "Education Act 1996 s444(5), via Sch 35B para 15(5)",
      "secondary",
    ),
    htstWalkLimitFrom8Miles: p(
      3,
      "miles",
      "Education Act 1996 s444(5), via Sch 35B para 15(5)",
      "secondary",
    ),
    htstWalkLimitAge: p(8, "years", "Education Act 1996 s444(5)", "secondary"),
    htstExtendedLowerAge: p(8, "years", `${SCH35B} para 9`, "verified"),
    htstExtendedSecondaryAge: p(11, "years", `${SCH35B} paras 11–12`, "verified"),
    htstExtendedMinWalkMiles: p(
      2,
      "miles (walking route)",
      `${SCH35B} paras 9, 11, 12`,
      "verified",
    ),
    htstExtendedMaxRoadMiles: p(
      6,
      "miles (by road)",
      `${SCH35B} para 11; road measure per Hampshire, Nottinghamshire policies`,
      "verified",
    ),
    htstExtendedReligiousMaxRoadMiles: p(15, "miles (by road)", `${SCH35B} para 12`, "verified"),
    htstExtendedNearestCount: p(3, "schools", `${SCH35B} para 11(c)`, "verified"),
    walkingCircuity: p(
      1.25,
      "× straight line",
      "Assumption: typical walking-route directness; measure the route for any decision near a limit",
      "derived",
    ),
    roadCircuity: p(
      1.3,
      "× straight line",
      "Same factor as the platform's calibrated geometric travel-time model",
      "derived",
    ),
    appealWorkingDays: p(
      20,
      "working days",
      "DfE two-stage review process as applied by Trafford, Hounslow, Croydon, Staffordshire, Swindon",
      "secondary",
    ),
    reviewWorkingDays: p(
      250,
      "working days",
      "Annual re-assessment (about one year of working days); local practice",
      "derived",
    ),
    neptsReviewWorkingDays: p(
      20,
      "working days",
      "Reassess at every booking (Dorset, NWAS, South Tees); standing decisions reviewed monthly",
      "derived",
    ),
    ptbPencePerMile: p(
      45,
      "pence per mile",
      "Thurrock, Calderdale mileage allowance (HMRC AMAP rate)",
      "secondary",
    ),
    ptbLegsPerDay: p(
      4,
      "single journeys per school day",
      "Thurrock: two return journeys a day",
      "secondary",
    ),
    schoolDaysPerYear: p(
      190,
      "days",
      "Buckinghamshire, Sutton, Rotherham PTB policies (190 school days)",
      "secondary",
    ),
    busPassAnnualPence: p(
      31800,
      "pence per academic year",
      "Calderdale bus pass, 2022",
      "secondary",
    ),
    travelTrainingPence: p(
      150000,
      "pence, one-off",
      "Placeholder for a course of independent travel training; set locally",
      "derived",
    ),
    communityTransportFarePence: p(
      500,
      "pence per single trip",
      "Placeholder community transport fare; set locally",
      "derived",
    ),
    spareSeatAnnualPence: p(
      76100,
      "pence per year",
      "Buckinghamshire spare-seat charge, 2021-22",
      "secondary",
    ),
    post16MinDistanceMiles: p(
      3,
      "miles",
      "Typical post-16 policy statement threshold; s509AA leaves it to the local authority",
      "derived",
    ),
    post16ContributionPence: p(
      60000,
      "pence per year",
      "Placeholder post-16 contribution; s509AA allows a charge, set in the policy statement",
      "derived",
    ),
    post16LowIncomeContributionPence: p(
      0,
      "pence per year",
      "Placeholder: many statements waive the charge on low income",
      "derived",
    ),
    neptsEscortChildUnderAge: p(
      18,
      "years",
      "CLCH, Coastal West Sussex escort rules (patient is a child)",
      "secondary",
    ),
    enctsStartMinutesWeekday: p(
      570,
      "minutes after midnight (09:30)",
      "ENCTS relevant times: Hansard 2007 written answer; Reading, West of England notices",
      "secondary",
    ),
    enctsEndMinutesWeekday: p(
      1380,
      "minutes after midnight (23:00)",
      "ENCTS relevant times, as above",
      "secondary",
    ),
    enctsPensionAge: p(
      66,
      "years",
      "State pension age (rising to 66): DfT ENCTS guidance",
      "secondary",
    ),
    ascMinAge: p(18, "years", "Care Act 2014 (adults)", "secondary"),
    ascMinDistanceMiles: p(
      0,
      "miles",
      "Local adult social care transport policy: no distance floor unless set",
      "derived",
    ),
  },
};
