import { describe, expect, it } from "vitest";
import { EXAMPLE_LOCAL_2026 } from "./policies";
import { decide } from "./test-support";

describe("post-16 and SEND post-16", () => {
  const post16 = (student: object, course: object = {}) => ({
    regime: "post-16",
    student: { age: 17, ...student },
    course: { nearestSuitable: true, distanceMiles: 5, ...course },
  });
  // [name, student, course, eligible, category, contribution in pence]
  const CASES: [string, object, object, boolean, string, number][] = [
    ["17, 5 miles to the nearest course", {}, {}, true, "post-16-policy-statement", 60000],
    [
      "low income pays the reduced contribution",
      { lowIncome: true },
      {},
      true,
      "post-16-policy-statement",
      0,
    ],
    [
      "exactly 3.0 miles is not beyond the policy distance",
      {},
      { distanceMiles: 3 },
      false,
      "not-eligible",
      0,
    ],
    ["not the nearest suitable course", {}, { nearestSuitable: false }, false, "not-eligible", 0],
    ["part-time course", {}, { fullTime: false }, false, "not-eligible", 0],
    [
      "EHC plan and cannot travel independently, 1 mile",
      { ehcPlan: true, cannotTravelIndependently: true },
      { distanceMiles: 1 },
      true,
      "post-16-send",
      60000,
    ],
    ["EHC plan alone", { ehcPlan: true }, { distanceMiles: 1 }, false, "not-eligible", 0],
    [
      "19 on a course started at 18",
      { age: 19, courseStartAge: 18 },
      {},
      true,
      "post-16-policy-statement",
      60000,
    ],
    [
      "20 with an EHC plan, course started at 19: free (s508F)",
      { age: 20, courseStartAge: 19, ehcPlan: true, cannotTravelIndependently: true },
      { distanceMiles: 1 },
      true,
      "adult-learner-s508f",
      0,
    ],
    [
      "20 without an EHC plan, course started at 19",
      { age: 20, courseStartAge: 19, cannotTravelIndependently: true },
      {},
      false,
      "not-eligible",
      0,
    ],
    ["15 is not post-16", { age: 15 }, {}, false, "not-eligible", 0],
  ];
  it.each(CASES)("%s", (_name, student, course, eligible, category, contributionPence) => {
    expect(decide(post16(student, course))).toMatchObject({
      eligible,
      category,
      contributionPence,
    });
  });

  it("takes the contribution from the local policy statement", () => {
    expect(decide(post16({}), { localPolicy: EXAMPLE_LOCAL_2026 }).contributionPence).toBe(45000);
  });
});

describe("adult social care (assessed need)", () => {
  const asc = (person: object, carePlan: object) => ({
    regime: "adult-social-care",
    person: { age: 45, ...person },
    carePlan: { eligibleNeeds: true, transportNeededToMeetNeed: true, ...carePlan },
  });
  const CASES: [string, object, object, boolean, string][] = [
    ["eligible needs, transport in the care plan", {}, {}, true, "asc.transport-in-care-plan"],
    ["no eligible needs", {}, { eligibleNeeds: false }, false, "asc.eligible-needs"],
    [
      "care plan does not need transport",
      {},
      { transportNeededToMeetNeed: false },
      false,
      "asc.transport-in-care-plan",
    ],
    [
      "can use public transport",
      { canUsePublicTransport: true },
      {},
      false,
      "asc.transport-in-care-plan",
    ],
    [
      "family can transport",
      {},
      { familyOrCarerCanTransport: true },
      false,
      "asc.transport-in-care-plan",
    ],
    ["under 18", { age: 17 }, {}, false, "asc.adult"],
  ];
  it.each(CASES)("%s", (_name, person, carePlan, eligible, rule) => {
    expect(decide(asc(person, carePlan))).toMatchObject({ eligible, decidedBy: rule });
  });
});

describe("concessionary travel (ENCTS)", () => {
  const journey = (date: string, boardingTime: string, service = "registered-local-bus") => ({
    date,
    boardingTime,
    service,
  });
  const encts = (person: object, j?: object) => ({
    regime: "concessionary-travel",
    person: { age: 70, ...person },
    ...(j ? { journey: j } : {}),
  });
  // [name, person, journey, eligible, category]
  const CASES: [string, object, object | undefined, boolean, string][] = [
    ["older person's pass", {}, undefined, true, "older-person-pass"],
    [
      "disabled person's pass",
      { age: 40, disability: "learning-disability" },
      undefined,
      true,
      "disabled-person-pass",
    ],
    ["65 and no disability", { age: 65 }, undefined, false, "not-eligible"],
    [
      "weekday 09:29 is before the relevant time",
      {},
      journey("2026-10-01", "09:29"),
      false,
      "fare-payable",
    ],
    [
      "weekday 09:30 is the first relevant time",
      {},
      journey("2026-10-01", "09:30"),
      true,
      "fare-waived",
    ],
    ["weekday 22:59", {}, journey("2026-10-01", "22:59"), true, "fare-waived"],
    [
      "weekday 23:00 is after the relevant time",
      {},
      journey("2026-10-01", "23:00"),
      false,
      "fare-payable",
    ],
    ["Saturday 07:00", {}, journey("2026-10-03", "07:00"), true, "fare-waived"],
    ["bank holiday Monday 07:00", {}, journey("2026-08-31", "07:00"), true, "fare-waived"],
    ["registered DRT", {}, journey("2026-10-01", "10:00", "registered-drt"), true, "fare-waived"],
    [
      "section 19 permit service",
      {},
      journey("2026-10-01", "10:00", "s19-permit"),
      false,
      "fare-payable",
    ],
    [
      "school contract",
      {},
      journey("2026-10-01", "10:00", "school-contract"),
      false,
      "fare-payable",
    ],
  ];
  it.each(CASES)("%s", (_name, person, j, eligible, category) => {
    expect(decide(encts(person, j))).toMatchObject({ eligible, category });
  });
});

describe("community transport", () => {
  const ct = (type: string, person: object = {}) => ({
    regime: "community-transport",
    person: { age: 50, ...person },
    service: { type },
  });
  const CASES: [string, string, object, boolean, string][] = [
    ["registered DRT is open to everyone", "registered-drt", {}, true, "open-to-public"],
    ["s22 community bus is open to everyone", "s22-community-bus", {}, true, "open-to-public"],
    ["s19: member of the body", "s19-permit", { memberOfBody: true }, true, "s19-passenger-class"],
    ["s19: disabled", "s19-permit", { disabled: true }, true, "s19-passenger-class"],
    ["s19: the general public", "s19-permit", {}, false, "not-eligible"],
    [
      "volunteer car: member",
      "volunteer-car",
      { memberOfBody: true },
      true,
      "volunteer-car-scheme",
    ],
    ["volunteer car: not a member", "volunteer-car", {}, false, "not-eligible"],
  ];
  it.each(CASES)("%s", (_name, type, person, eligible, category) => {
    expect(decide(ct(type, person))).toMatchObject({ eligible, category });
  });
});
