import { aHomeToSchoolCase } from "@tt/testkit";
import { describe, expect, it } from "vitest";
import { EXAMPLE_LOCAL_2026 } from "./policies";
import { decide, decisiveRule } from "./test-support";

type Pupil = Record<string, unknown>;
type School = Record<string, unknown>;

/** The contract example, with the pupil and school fields a row is about replaced. */
function htst(pupil: Pupil = {}, school: School = {}) {
  return aHomeToSchoolCase({ pupil, school });
}

const NOT = "not-eligible";
const DIST = "statutory-walking-distance";
const SEN = "special-educational-needs";
const UNSAFE = "unsafe-route";
const LOW = "extended-rights-low-income";

// [name, pupil, school, eligible, category, decisive rule]
const CASES: [string, Pupil, School, boolean, string, string][] = [
  ["contract example: 9, 3.4 miles", {}, {}, true, DIST, "htst.sch35b-6.beyond-walking-distance"],
  [
    "8+: exactly 3.0 miles is within",
    {},
    { walkingDistanceMiles: 3.0 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "8+: 3.01 miles is beyond",
    {},
    { walkingDistanceMiles: 3.01 },
    true,
    DIST,
    "htst.sch35b-6.beyond-walking-distance",
  ],
  [
    "under 8: exactly 2.0 miles is within",
    { age: 7 },
    { walkingDistanceMiles: 2.0 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "under 8: 2.01 miles is beyond",
    { age: 7 },
    { walkingDistanceMiles: 2.01 },
    true,
    DIST,
    "htst.sch35b-6.beyond-walking-distance",
  ],
  [
    "age 8: 2.5 miles is within the 3-mile limit",
    { age: 8 },
    { walkingDistanceMiles: 2.5 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "beyond the limit but not the nearest suitable school",
    {},
    { nearestSuitable: false, rankAmongSuitable: 2 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "not a qualifying school",
    {},
    { qualifying: false, walkingDistanceMiles: 5 },
    false,
    NOT,
    "htst.qualifying-school",
  ],
  ["under compulsory school age", { age: 4 }, {}, false, NOT, "htst.compulsory-school-age"],
  ["over compulsory school age", { age: 16 }, {}, false, NOT, "htst.compulsory-school-age"],
  ["youngest compulsory age", { age: 5 }, {}, true, DIST, "htst.sch35b-6.beyond-walking-distance"],
  [
    "SEN and cannot walk because of it",
    { sen: true, cannotWalkBecauseOfNeed: true },
    { walkingDistanceMiles: 0.5 },
    true,
    SEN,
    "htst.sch35b-2.sen-disability-mobility",
  ],
  [
    "disabled and cannot walk because of it",
    { disabled: true, cannotWalkBecauseOfNeed: true },
    { walkingDistanceMiles: 1 },
    true,
    SEN,
    "htst.sch35b-2.sen-disability-mobility",
  ],
  [
    "mobility problem and cannot walk",
    { mobilityProblem: true, cannotWalkBecauseOfNeed: true },
    { walkingDistanceMiles: 3.0 },
    true,
    SEN,
    "htst.sch35b-2.sen-disability-mobility",
  ],
  [
    "EHC plan alone is not enough",
    { sen: true, ehcPlan: true },
    { walkingDistanceMiles: 1 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "cannot walk with no SEN, disability or mobility problem",
    { cannotWalkBecauseOfNeed: true },
    { walkingDistanceMiles: 1 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "SEN but not the nearest suitable school",
    { sen: true, cannotWalkBecauseOfNeed: true },
    { walkingDistanceMiles: 1, nearestSuitable: false, rankAmongSuitable: 2 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "unsafe route within walking distance",
    {},
    { walkingDistanceMiles: 1, routeSafe: false },
    true,
    UNSAFE,
    "htst.sch35b-4.unsafe-route",
  ],
  [
    "unsafe route to a school that is not the nearest",
    {},
    { walkingDistanceMiles: 1, routeSafe: false, nearestSuitable: false, rankAmongSuitable: 2 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 8–10: 2.5 miles to the nearest",
    { lowIncome: true },
    { walkingDistanceMiles: 2.5 },
    true,
    LOW,
    "htst.sch35b-9.low-income-8-to-10",
  ],
  [
    "low income 8–10: exactly 2.0 miles",
    { lowIncome: true },
    { walkingDistanceMiles: 2.0 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 8–10: 2.01 miles",
    { lowIncome: true, age: 8 },
    { walkingDistanceMiles: 2.01 },
    true,
    LOW,
    "htst.sch35b-9.low-income-8-to-10",
  ],
  [
    "low income 10: 2.5 miles",
    { lowIncome: true, age: 10 },
    { walkingDistanceMiles: 2.5 },
    true,
    LOW,
    "htst.sch35b-9.low-income-8-to-10",
  ],
  [
    "low income 8–10: not the nearest suitable",
    { lowIncome: true },
    { walkingDistanceMiles: 2.5, nearestSuitable: false, rankAmongSuitable: 2 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income age 7: no extended rights",
    { lowIncome: true, age: 7 },
    { walkingDistanceMiles: 1.9 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 11+: rank 3, 6.0 road miles",
    { lowIncome: true, age: 12 },
    {
      walkingDistanceMiles: 2.5,
      roadDistanceMiles: 6.0,
      nearestSuitable: false,
      rankAmongSuitable: 3,
    },
    true,
    LOW,
    "htst.sch35b-11.low-income-three-nearest",
  ],
  [
    "low income 11+: rank 4",
    { lowIncome: true, age: 12 },
    {
      walkingDistanceMiles: 2.5,
      roadDistanceMiles: 5,
      nearestSuitable: false,
      rankAmongSuitable: 4,
    },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 11+: 6.01 road miles",
    { lowIncome: true, age: 12 },
    {
      walkingDistanceMiles: 2.5,
      roadDistanceMiles: 6.01,
      nearestSuitable: false,
      rankAmongSuitable: 2,
    },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 11+: exactly 2.0 walking miles",
    { lowIncome: true, age: 12 },
    {
      walkingDistanceMiles: 2.0,
      roadDistanceMiles: 2.5,
      nearestSuitable: false,
      rankAmongSuitable: 2,
    },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 11: nearest, 2.5 miles",
    { lowIncome: true, age: 11 },
    { walkingDistanceMiles: 2.5, roadDistanceMiles: 2.8 },
    true,
    LOW,
    "htst.sch35b-11.low-income-three-nearest",
  ],
  [
    "not low income 11+: rank 2 at 2.5 miles",
    { age: 12 },
    { walkingDistanceMiles: 2.5, nearestSuitable: false, rankAmongSuitable: 2 },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 11+: religion, 15.0 road miles",
    { lowIncome: true, age: 13 },
    {
      walkingDistanceMiles: 12,
      roadDistanceMiles: 15.0,
      nearestSuitable: false,
      rankAmongSuitable: 7,
      preferredOnReligiousGrounds: true,
    },
    true,
    LOW,
    "htst.sch35b-12.low-income-religion-or-belief",
  ],
  [
    "low income 11+: religion, 15.01 road miles",
    { lowIncome: true, age: 13 },
    {
      walkingDistanceMiles: 12,
      roadDistanceMiles: 15.01,
      nearestSuitable: false,
      rankAmongSuitable: 7,
      preferredOnReligiousGrounds: true,
    },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "low income 11+: 7 miles, not preferred on religion",
    { lowIncome: true, age: 13 },
    {
      walkingDistanceMiles: 6.5,
      roadDistanceMiles: 7,
      nearestSuitable: false,
      rankAmongSuitable: 7,
    },
    false,
    NOT,
    "htst.no-category-met",
  ],
  [
    "distance comes before low income",
    { lowIncome: true, age: 12 },
    {},
    true,
    DIST,
    "htst.sch35b-6.beyond-walking-distance",
  ],
];

describe("home to school (Sch 35B, domain-rules.md §1.2–1.3)", () => {
  it.each(CASES)("%s", (_name, pupil, school, eligible, category, rule) => {
    const decision = decide(htst(pupil, school));
    expect(decision).toMatchObject({ regime: "home-to-school", eligible, category });
    expect(decisiveRule(decision)).toBe(rule);
  });

  // [date of birth, walking miles, low income, rank, eligible, category] on 2026-10-01
  const BIRTHDAYS: [string, number, boolean, number, boolean, string][] = [
    ["2018-10-01", 2.5, false, 1, false, NOT], // 8 today: 3-mile limit
    ["2018-10-02", 2.5, false, 1, true, DIST], // 8 tomorrow: still 2-mile limit
    ["2015-10-01", 2.5, true, 2, true, LOW], // 11 today: one of three nearest
    ["2015-10-02", 2.5, true, 2, false, NOT], // 10 until tomorrow: must be the nearest
  ];
  it.each(BIRTHDAYS)(
    "born %s, %d miles, low income %s, rank %d",
    (dateOfBirth, miles, lowIncome, rank, eligible, category) => {
      const decision = decide(
        htst(
          { age: undefined, dateOfBirth, lowIncome },
          {
            walkingDistanceMiles: miles,
            roadDistanceMiles: miles,
            nearestSuitable: rank === 1,
            rankAmongSuitable: rank,
          },
        ),
      );
      expect(decision).toMatchObject({ eligible, category });
    },
  );

  it("cites the rule, its source and the inputs it read", () => {
    const decision = decide(htst());
    const reason = decision.reasons.find((r) => r.ruleId === decision.decidedBy);
    expect(reason).toMatchObject({
      ruleId: "htst.sch35b-6.beyond-walking-distance",
      source: expect.stringContaining("Sch 35B para 6"),
      confidence: "secondary",
      inputs: { age: 9, walkingMiles: 3.4, walkLimitMiles: 3 },
    });
    expect(reason?.text).toContain("3.4 miles");
  });

  it("estimates the walking route from coordinates and says so", () => {
    const input = {
      ...htst(
        {},
        {
          walkingDistanceMiles: undefined,
          roadDistanceMiles: undefined,
          location: { lat: 52.2, lon: 0.12 },
        },
      ),
      home: { lat: 52.25, lon: 0.12 },
    };
    const decision = decide(input);
    expect(decision.estimated).toBe(true);
    expect(
      decision.reasons.find((r) => r.ruleId === decision.decidedBy)?.inputs.walkingBasis,
    ).toMatch(/straight line × 1.25 circuity/);
    expect(decide(htst()).estimated).toBe(false);
  });

  it("reviews at the birthday that changes the walking limit, on a working day", () => {
    // 8th birthday on Saturday 2027-01-02: review on Monday 2027-01-04.
    const decision = decide(
      htst({ age: undefined, dateOfBirth: "2019-01-02" }, { walkingDistanceMiles: 2.5 }),
    );
    expect(decision).toMatchObject({
      eligible: true,
      reviewDate: "2027-01-04",
      appealDeadline: "2026-10-29",
    });
  });

  it("offers alternatives with annual costs: PTB at 45p a mile over 190 days", () => {
    const decision = decide(htst());
    const ptb = decision.alternatives.find((a) => a.kind === "personal-transport-budget");
    expect(ptb).toMatchObject({
      annualCostPence: Math.round(45 * 3.9 * 4 * 190),
      paidBy: "organisation",
    });
    const kinds = decide(htst({}, { walkingDistanceMiles: 1 })).alternatives.map((a) => a.kind);
    expect(kinds).toEqual([
      "spare-seat",
      "independent-travel-training",
      "bus-pass",
      "community-transport",
    ]);
  });

  it("applies a local discretionary rule only when the statutory rules say no", () => {
    const close = htst({ age: 6 }, { walkingDistanceMiles: 1.8 });
    expect(decide(close).eligible).toBe(false);
    const local = decide(close, { localPolicy: EXAMPLE_LOCAL_2026 });
    expect(local).toMatchObject({
      eligible: true,
      category: "local-discretionary",
      policy: { localId: "example-council" },
    });
    expect(local.legalBasis).toContain("s508C");
    expect(decide(htst(), { localPolicy: EXAMPLE_LOCAL_2026 }).category).toBe(DIST);
  });
});
