import { type CohortPupil, ENGLAND_2026, type RegisterSchool } from "@tt/domain";
import { describe, expect, it } from "vitest";
import { AppError } from "../shared";
import { assessCohort } from "./assess-cohort";
import { decideCase } from "./entitlement-service";

const school = (id: string, lat: number, over: Partial<RegisterSchool> = {}): RegisterSchool => ({
  id,
  name: id,
  phase: "primary",
  lowAge: 4,
  highAge: 11,
  type: "maintained",
  senProvision: false,
  religiousCharacter: null,
  location: { lat, lon: 0 },
  ...over,
});

// One degree of latitude is about 69 miles: 0.01° ≈ 0.69 miles straight, × 1.25 walking.
const REGISTER = [
  school("near", 52.01),
  school("far", 52.06),
  school("special", 52.08, { type: "special", senProvision: true, lowAge: 4, highAge: 19 }),
  school("private", 52.005, { type: "independent" }),
];

const pupil = (id: string, over: Partial<CohortPupil>): CohortPupil => ({
  id,
  age: 9,
  home: { lat: 52, lon: 0 },
  registeredSchoolId: "near",
  lowIncome: false,
  sen: false,
  ehcPlan: false,
  disabled: false,
  mobilityProblem: false,
  cannotWalkBecauseOfNeed: false,
  needsSenProvision: false,
  religionOrBelief: null,
  routeSafe: true,
  ...over,
});

describe("assessCohort", () => {
  it("ranks suitable schools by distance and decides each pupil in order", () => {
    const pupils = [
      pupil("close", {}),
      pupil("preference", { registeredSchoolId: "far" }),
      pupil("special", { registeredSchoolId: "special", needsSenProvision: true, sen: true }),
      pupil("independent", { registeredSchoolId: "private" }),
    ];
    const { decisions, summary } = assessCohort(pupils, REGISTER, {
      policy: ENGLAND_2026,
      assessedOn: "2026-10-01",
    });
    expect(decisions.map((d) => [d.pupilId, d.decision.category])).toEqual([
      ["close", "not-eligible"],
      ["preference", "not-eligible"],
      ["special", "statutory-walking-distance"],
      ["independent", "not-eligible"],
    ]);
    expect(decisions[3]?.decision.decidedBy).toBe("htst.qualifying-school");
    expect(decisions.every((d) => d.decision.estimated)).toBe(true);
    expect(summary).toEqual({
      pupils: 4,
      eligible: 1,
      estimated: 4,
      byCategory: { "not-eligible": 3, "statutory-walking-distance": 1 },
    });
  });
});

describe("decideCase", () => {
  it("names the policy fields it cannot find", () => {
    const input = {
      regime: "home-to-school",
      pupil: { age: 9 },
      school: { qualifying: true, nearestSuitable: true, walkingDistanceMiles: 1 },
    };
    const error = captureError(() =>
      decideCase(input, { assessedOn: "2026-10-01", policyId: "mars", localPolicyId: "venus" }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.map((d) => d.path)).toEqual(["policyId", "localPolicyId"]);
  });

  it("refuses a date beyond the bank-holiday calendar", () => {
    const input = {
      regime: "home-to-school",
      pupil: { age: 9 },
      school: { qualifying: true, nearestSuitable: true, walkingDistanceMiles: 1 },
    };
    expect(() => decideCase(input, { assessedOn: "2028-12-01" })).toThrow(/cannot be decided/);
  });
});

function captureError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}
