import { describe, expect, it } from "vitest";
import { parseEntitlementCase } from "./assess";
import { ENGLAND_2026, EXAMPLE_LOCAL_2026, getStatutoryPolicyInForce } from "./policies";
import { checkLocalPolicy, resolvePolicy } from "./policy";
import { decide } from "./test-support";

describe("case validation", () => {
  it("lists every problem with the field's path", () => {
    const parsed = parseEntitlementCase({
      regime: "home-to-school",
      pupil: { lowIncome: "yes" },
      school: { qualifying: true, rankAmongSuitable: 0 },
    });
    expect(parsed.ok).toBe(false);
    const paths = parsed.ok ? [] : parsed.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "pupil.lowIncome",
        "school.nearestSuitable",
        "school.rankAmongSuitable",
      ]),
    );
  });

  it("asks for a walking distance or coordinates, and for an age or date of birth", () => {
    const parsed = parseEntitlementCase({
      regime: "home-to-school",
      pupil: {},
      school: { qualifying: true, nearestSuitable: true },
    });
    const issues = parsed.ok ? [] : parsed.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "pupil.age", message: "give age or dateOfBirth" },
        expect.objectContaining({ path: "school.walkingDistanceMiles" }),
      ]),
    );
  });

  it("names the regimes when the regime is unknown", () => {
    const parsed = parseEntitlementCase({ regime: "ferry" });
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      { path: "regime", message: expect.stringContaining('"home-to-school"') },
    ]);
  });
});

describe("policies", () => {
  it("refuses a local policy that undercuts the statutory walking distance", () => {
    const mean = {
      ...EXAMPLE_LOCAL_2026,
      parameters: {
        htstWalkLimitFrom8Miles: {
          value: 3.5,
          unit: "miles",
          source: "x",
          confidence: "derived" as const,
        },
        htstExtendedMaxRoadMiles: {
          value: 5,
          unit: "miles",
          source: "x",
          confidence: "derived" as const,
        },
      },
    };
    expect(checkLocalPolicy(ENGLAND_2026, mean).map((i) => i.path)).toEqual([
      "parameters.htstWalkLimitFrom8Miles",
      "parameters.htstExtendedMaxRoadMiles",
    ]);
    expect(() => resolvePolicy(ENGLAND_2026, mean)).toThrow(/undercuts/);
  });

  it("records where each figure came from", () => {
    const resolved = resolvePolicy(ENGLAND_2026, EXAMPLE_LOCAL_2026);
    expect(resolved.parameters.post16ContributionPence.origin).toBe("local");
    expect(resolved.parameters.htstWalkLimitFrom8Miles).toMatchObject({
      origin: "statutory",
      value: 3,
    });
    expect(resolved.reference).toEqual({
      id: "england-statutory",
      version: "2026.1",
      localId: "example-council",
      localVersion: "2026.1",
    });
  });

  it("gives every parameter a source and a confidence tag", () => {
    for (const parameter of Object.values(ENGLAND_2026.parameters)) {
      expect(parameter.source.length).toBeGreaterThan(5);
      expect(["verified", "secondary", "unverified", "derived"]).toContain(parameter.confidence);
    }
  });

  it("finds the policy in force on a date", () => {
    expect(getStatutoryPolicyInForce("2026-10-01").id).toBe("england-statutory");
    expect(() => getStatutoryPolicyInForce("2025-12-31")).toThrow(/no statutory/);
  });
});

describe("the decision", () => {
  it("carries the policy version, dates in working days and a summary", () => {
    const decision = decide(
      {
        regime: "home-to-school",
        pupil: { age: 9 },
        school: { qualifying: true, nearestSuitable: true, walkingDistanceMiles: 3.4 },
      },
      { assessedOn: "2026-12-14" },
    );
    expect(decision).toMatchObject({
      assessedOn: "2026-12-14",
      appealDeadline: "2027-01-14",
      policy: { id: "england-statutory", version: "2026.1", localId: null },
    });
    expect(decision.reviewDate > "2027-12-01").toBe(true);
    expect(decision.summary).toMatch(
      /^Eligible \(statutory-walking-distance\): Walking route 3.4 miles/,
    );
  });
});
