import { evaluate, type Plan, solve } from "@tt/solver";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbScenario } from "../test-support/arbitrary-scenario";
import {
  bus,
  SEND_APART_FROM_OUTPATIENTS,
  scenarioOf,
  trip,
} from "../test-support/scenario-builders";
import { coalitionProblem } from "./coalition-problem";
import { forbiddenSharing } from "./mixing-check";

const tags = {
  pupil: { funder: "council", service: "send-school" },
  patient: { funder: "icb", service: "nepts-outpatient" },
  pupil2: { funder: "council", service: "send-school" },
};

const runOf = (...stops: [kind: "pickup" | "dropoff", request: string][]): Plan => ({
  runs: [{ vehicle: "v1", stops: stops.map(([kind, request]) => ({ kind, request })) }],
});

describe("forbiddenSharing", () => {
  it("finds a planted pair on board together", () => {
    const plan = runOf(
      ["pickup", "pupil"],
      ["pickup", "patient"],
      ["dropoff", "pupil"],
      ["dropoff", "patient"],
    );
    expect(forbiddenSharing(plan, tags, SEND_APART_FROM_OUTPATIENTS)).toEqual([
      {
        vehicle: "v1",
        services: ["send-school", "nepts-outpatient"],
        requests: ["pupil", "patient"],
      },
    ]);
  });

  it("finds a passenger who boards while another rides through", () => {
    const plan = runOf(
      ["pickup", "patient"],
      ["pickup", "pupil2"],
      ["dropoff", "pupil2"],
      ["pickup", "pupil"],
      ["dropoff", "patient"],
      ["dropoff", "pupil"],
    );
    expect(
      forbiddenSharing(plan, tags, SEND_APART_FROM_OUTPATIENTS).map((x) => x.requests),
    ).toEqual([
      ["patient", "pupil2"],
      ["patient", "pupil"],
    ]);
  });

  it("allows the same vehicle one after the other, and services the policy does not name", () => {
    const oneAfterOther = runOf(
      ["pickup", "pupil"],
      ["dropoff", "pupil"],
      ["pickup", "patient"],
      ["dropoff", "patient"],
    );
    expect(forbiddenSharing(oneAfterOther, tags, SEND_APART_FROM_OUTPATIENTS)).toEqual([]);
    const pupils = runOf(
      ["pickup", "pupil"],
      ["pickup", "pupil2"],
      ["dropoff", "pupil"],
      ["dropoff", "pupil2"],
    );
    expect(forbiddenSharing(pupils, tags, SEND_APART_FROM_OUTPATIENTS)).toEqual([]);
  });

  it("names a request without a tag", () => {
    const plan = runOf(["pickup", "stranger"], ["dropoff", "stranger"]);
    expect(() => forbiddenSharing(plan, tags, SEND_APART_FROM_OUTPATIENTS)).toThrow(/"stranger"/);
  });

  it("catches the solver sharing when the policy is not applied (the property below can fail)", () => {
    // A pupil and an outpatient make the same journey at the same time; one vehicle.
    const same = { pickup: { location: 1, service: 0, window: [10, 12] as const } };
    const scenario = (rules: typeof SEND_APART_FROM_OUTPATIENTS.rules) =>
      scenarioOf(
        [
          [0, 0],
          [10, 0],
          [30, 0],
        ],
        [
          { request: trip("pupil", 1, 2, same), funder: "council", service: "send-school" },
          { request: trip("patient", 1, 2, same), funder: "icb", service: "nepts-outpatient" },
        ],
        [{ vehicle: bus("v1"), funders: ["council", "icb"] }],
        { version: "t", rules },
      );
    const unmixed = solve(coalitionProblem(scenario([]), ["council", "icb"]), {
      seed: 1,
      iterations: 50,
    });
    expect(unmixed.unassigned).toEqual([]);
    expect(forbiddenSharing(unmixed, tags, SEND_APART_FROM_OUTPATIENTS)).toHaveLength(1);
    const withPolicy = scenario(SEND_APART_FROM_OUTPATIENTS.rules);
    const mixed = solve(coalitionProblem(withPolicy, ["council", "icb"]), {
      seed: 1,
      iterations: 50,
    });
    expect(mixed.unassigned.map((u) => u.reason)).toEqual(["incompatibility"]);
    expect(forbiddenSharing(mixed, tags, SEND_APART_FROM_OUTPATIENTS)).toEqual([]);
  });
});

describe("mixing policy in the pooled plan (property)", () => {
  it("a forbidden pairing never shares a vehicle in any pooled plan", () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 0, max: 1000 }), (scenario, seed) => {
        const pooled = coalitionProblem(
          scenario,
          scenario.funders.map((f) => f.key),
        );
        const plan = solve(pooled, { seed, iterations: 40 });
        expect(forbiddenSharing(plan, scenario.requests, scenario.mixing)).toEqual([]);
        expect(evaluate(pooled, plan).violations).toEqual([]);
      }),
      { numRuns: 120, seed: 20261123 },
    );
  });
});
