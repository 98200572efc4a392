import { solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { overlapCase } from "../test-support/scenario-builders";
import { coalitionProblem } from "./coalition-problem";
import { measureOverlap, seededSample } from "./overlap";
import type { IntegrationScenario, OverlapRow, SolvedPlan } from "./types";

function siloPlans(scenario: IntegrationScenario): Record<string, SolvedPlan> {
  return Object.fromEntries(
    scenario.funders.map((f) => {
      const problem = coalitionProblem(scenario, [f.key]);
      return [f.key, { problem, solution: solve(problem, { seed: 3, iterations: 60 }) }];
    }),
  );
}

const row = (rows: readonly OverlapRow[], service: string, carrier: string) => {
  const found = rows.find((r) => r.service === service && r.carrier === carrier);
  if (!found) throw new Error(`no row ${service} → ${carrier}`);
  return found;
};

describe("measureOverlap", () => {
  const scenario = overlapCase();
  const silo = siloPlans(scenario);

  it("has silo plans that serve everyone, the outpatient on one NHS vehicle", () => {
    for (const plan of Object.values(silo)) expect(plan.solution.unassigned).toEqual([]);
    expect(silo.nhs?.solution.runs).toHaveLength(1);
  });

  it("counts the trip that fits, not the one out of hours nor the one the policy keeps apart", () => {
    const rows = measureOverlap(scenario, silo, { samplePerPair: 10, seed: 1 });
    expect(row(rows, "mainstream-school", "nepts-outpatient")).toEqual({
      service: "mainstream-school",
      carrier: "nepts-outpatient",
      tested: 2,
      feasible: 1,
      percent: 50,
      sampled: false,
    });
    expect(row(rows, "send-school", "nepts-outpatient")).toMatchObject({ tested: 1, feasible: 0 });
  });

  it("finds the SEND pupil fits once the policy allows the pairing", () => {
    const open = overlapCase({ version: "open", rules: [] });
    const rows = measureOverlap(open, siloPlans(open), { samplePerPair: 10, seed: 1 });
    expect(row(rows, "send-school", "nepts-outpatient")).toMatchObject({ tested: 1, feasible: 1 });
  });

  it("lists every ordered pair of different services once", () => {
    const rows = measureOverlap(scenario, silo, { samplePerPair: 10, seed: 1 });
    const pairs = rows.map((r) => `${r.service}>${r.carrier}`);
    expect(new Set(pairs).size).toBe(6);
    expect(rows.every((r) => r.service !== r.carrier)).toBe(true);
  });

  it("takes a trip out of its own run before testing a run of the same funder", () => {
    // Both pupils ride the council vehicle, which also carries the SEND pupil.
    const rows = measureOverlap(scenario, silo, { samplePerPair: 10, seed: 1 });
    expect(row(rows, "mainstream-school", "send-school")).toMatchObject({
      tested: 2,
      feasible: 2,
    });
  });

  it("samples the same trips for the same seed, and different ones across seeds", () => {
    const run = (seed: number) =>
      row(
        measureOverlap(scenario, silo, { samplePerPair: 1, seed }),
        "mainstream-school",
        "nepts-outpatient",
      );
    const first = run(5);
    expect(first).toMatchObject({ tested: 1, sampled: true });
    expect(run(5)).toEqual(first);
    const feasible = new Set(Array.from({ length: 20 }, (_, seed) => run(seed).feasible));
    expect(feasible).toEqual(new Set([0, 1]));
  });

  it("refuses a sample size below one and a missing silo plan", () => {
    expect(() => measureOverlap(scenario, silo, { samplePerPair: 0, seed: 1 })).toThrow(
      /samplePerPair/,
    );
    expect(() =>
      measureOverlap(scenario, { council: silo.council! }, { samplePerPair: 5, seed: 1 }),
    ).toThrow(/no silo plan for funder "nhs"/);
  });
});

describe("seededSample", () => {
  it("keeps k distinct items in their original order", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = seededSample(items, 10, "x");
    expect(out).toHaveLength(10);
    expect(new Set(out).size).toBe(10);
    expect([...out].sort((a, b) => a - b)).toEqual(out);
    expect(seededSample(items, 10, "x")).toEqual(out);
    expect(seededSample(items, 10, "y")).not.toEqual(out);
  });
});
