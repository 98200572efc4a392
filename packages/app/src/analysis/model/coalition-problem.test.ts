import { validateProblem } from "@tt/solver";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARB_FUNDERS, arbScenario } from "../test-support/arbitrary-scenario";
import {
  bus,
  SEND_APART_FROM_OUTPATIENTS,
  scenarioOf,
  trip,
} from "../test-support/scenario-builders";
import { coalitionKey, coalitionProblem } from "./coalition-problem";

const points = [
  [0, 0],
  [10, 0],
  [20, 0],
] as const;

/** Council: a pupil's outward and return legs; ICB: an outpatient whose return leg is with the council. */
const scenario = scenarioOf(
  points,
  [
    {
      request: trip("pupil-out", 1, 2, { linkedRequest: "pupil-back" }),
      funder: "council",
      service: "send-school",
    },
    {
      request: trip("pupil-back", 2, 1, { linkedRequest: "pupil-out" }),
      funder: "council",
      service: "send-school",
    },
    {
      request: trip("patient-out", 1, 2, {
        linkedRequest: "patient-back",
        incompatibleWith: ["pupil-out"],
      }),
      funder: "icb",
      service: "nepts-outpatient",
    },
    {
      request: trip("patient-back", 2, 1, { linkedRequest: "patient-out" }),
      funder: "council",
      service: "drt",
    },
  ],
  [
    { vehicle: bus("council-bus"), funders: ["council"] },
    { vehicle: bus("icb-car"), funders: ["icb"] },
    { vehicle: bus("shared-minibus"), funders: ["council", "icb"] },
  ],
  SEND_APART_FROM_OUTPATIENTS,
);

const ids = <T extends { id: string }>(xs: readonly T[]) => xs.map((x) => x.id);

describe("coalitionProblem", () => {
  it("takes a funder's requests and every vehicle its fleet shares", () => {
    const icb = coalitionProblem(scenario, ["icb"]);
    expect(ids(icb.requests)).toEqual(["patient-out"]);
    expect(ids(icb.vehicles)).toEqual(["icb-car", "shared-minibus"]);
    const council = coalitionProblem(scenario, ["council"]);
    expect(ids(council.requests)).toEqual(["pupil-out", "pupil-back", "patient-back"]);
    expect(ids(council.vehicles)).toEqual(["council-bus", "shared-minibus"]);
  });

  it("drops links and conflicts whose partner belongs to another funder, keeps the rest", () => {
    const icb = coalitionProblem(scenario, ["icb"]);
    expect(icb.requests[0]?.linkedRequest).toBeUndefined();
    expect(icb.requests[0]?.incompatibleWith).toBeUndefined();
    const council = coalitionProblem(scenario, ["council"]);
    const byId = Object.fromEntries(council.requests.map((r) => [r.id, r]));
    expect(byId["pupil-out"]?.linkedRequest).toBe("pupil-back");
    expect(byId["patient-back"]?.linkedRequest).toBeUndefined();
    const pooled = coalitionProblem(scenario, ["icb", "council"]);
    const pooledById = Object.fromEntries(pooled.requests.map((r) => [r.id, r]));
    expect(pooledById["patient-out"]?.linkedRequest).toBe("patient-back");
    expect(pooledById["patient-out"]?.incompatibleWith).toEqual(["pupil-out"]);
  });

  it("applies the mixing policy and names the coalition", () => {
    const pooled = coalitionProblem(scenario, ["icb", "council"]);
    const patient = pooled.requests.find((r) => r.id === "patient-out");
    expect(patient?.groups).toEqual(["service:nepts-outpatient"]);
    expect(patient?.incompatibleGroups).toEqual(["service:send-school"]);
    expect(pooled.name).toContain("council+icb");
  });

  it("shares the scenario's locations and matrices instead of copying them", () => {
    const icb = coalitionProblem(scenario, ["icb"]);
    expect(icb.matrices).toBe(scenario.problem.matrices);
    expect(icb.locations).toBe(scenario.problem.locations);
  });

  it("names an unknown funder", () => {
    expect(() => coalitionProblem(scenario, ["icb", "nhs-england"])).toThrow(
      /unknown funder "nhs-england".*council, icb/,
    );
  });

  it("gives valid problems holding exactly the coalition's requests, for any subset (property)", () => {
    fc.assert(
      fc.property(arbScenario, fc.subarray<string>([...ARB_FUNDERS]), (s, chosen) => {
        const known = chosen.filter((f) => s.funders.some((x) => x.key === f));
        const p = coalitionProblem(s, known);
        expect(validateProblem(p).ok).toBe(true);
        const expected = s.problem.requests.filter((r) => known.includes(s.requests[r.id]!.funder));
        expect(ids(p.requests)).toEqual(ids(expected));
        for (const v of p.vehicles) {
          expect(s.vehicles[v.id]?.funders.some((f) => known.includes(f))).toBe(true);
        }
        const inside = new Set(ids(p.requests));
        for (const r of p.requests) {
          const original = s.problem.requests.find((x) => x.id === r.id)!;
          const partner = original.linkedRequest;
          expect(r.linkedRequest).toBe(
            partner !== undefined && inside.has(partner) ? partner : undefined,
          );
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe("coalitionKey", () => {
  it("sorts and joins the funder keys", () => {
    expect(coalitionKey(["icb", "council", "district"])).toBe("council+district+icb");
    expect(coalitionKey(["icb", "icb"])).toBe("icb");
  });
});
