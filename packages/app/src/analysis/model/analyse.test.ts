import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inlineSolveRunner } from "../../planning";
import { arbScenario } from "../test-support/arbitrary-scenario";
import { syntheticScenario } from "../test-support/synthetic-scenario";
import { analyseIntegration, membersOf } from "./analyse";
import { coalitionKey } from "./coalition-problem";
import { defaultAnalysisParts } from "./default-parts";
import type { IntegrationScenario } from "./types";

const settings = { seed: 7, iterations: 60, timeLimitSeconds: 60 };

describe("analyseIntegration on three funders", () => {
  it("plans every coalition, with no violations, and shares that sum to the pooled objective", async () => {
    const scenario = syntheticScenario();
    const seen: number[] = [];
    const { report, silo, pooled } = await analyseIntegration(scenario, {
      ...settings,
      runner: inlineSolveRunner,
      onProgress: (fraction) => seen.push(fraction),
    });
    expect(Object.keys(report.coalitions).sort()).toEqual(
      [1, 2, 3, 4, 5, 6, 7]
        .map((mask) => coalitionKey(membersOf(["council-send", "nhs-nepts", "council-drt"], mask)))
        .sort(),
    );
    expect(report.violations).toBe(0);
    const shares = Object.values(report.shares.shapley).reduce((a, b) => a + b, 0);
    expect(shares).toBeCloseTo(report.coalitions["council-drt+council-send+nhs-nepts"] ?? -1, 1);
    expect(report.shares.shapleyMethod).toBe("exact");
    expect(Object.keys(silo)).toEqual(["council-send", "nhs-nepts", "council-drt"]);
    expect(silo["nhs-nepts"]?.problem.requests.map((r) => r.id)).toEqual([
      "r1-0",
      "r1-1",
      "r1-2",
      "r1-3",
    ]);
    expect(pooled.problem.requests).toHaveLength(12);
    expect(pooled.solution.unassigned).toEqual([]);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("gives the same report for the same seed and iterations, on worker threads two at a time", async () => {
    const scenario = syntheticScenario();
    const once = await analyseIntegration(scenario, { ...settings, parallel: 2 });
    const again = await analyseIntegration(scenario, { ...settings, runner: inlineSolveRunner });
    expect({ ...again.report, seconds: 0 }).toEqual({ ...once.report, seconds: 0 });
    expect(again.pooled.solution).toEqual(once.pooled.solution);
  });

  it("samples orders of the funders above six, and says so with a standard error", async () => {
    const base = syntheticScenario();
    const funders = Array.from({ length: 7 }, (_, i) => ({
      key: `f${i}`,
      name: `Funder ${i}`,
      organisation: "Test",
    }));
    const requests = Object.fromEntries(
      Object.entries(base.requests).map(([id, tag], i) => [id, { ...tag, funder: `f${i % 7}` }]),
    );
    const vehicles = Object.fromEntries(
      Object.entries(base.vehicles).map(([id, tag], i) => [id, { ...tag, funders: [`f${i}`] }]),
    );
    const scenario = { ...base, funders, requests, vehicles };
    const { report } = await analyseIntegration(scenario, {
      ...settings,
      iterations: 5,
      samplePermutations: 3,
      runner: inlineSolveRunner,
    });
    expect(report.shares.shapleyMethod).toBe("sampled");
    expect(Object.keys(report.shares.shapleyStandardError ?? {})).toHaveLength(7);
    expect(Object.keys(report.coalitions).length).toBeLessThan(2 ** 7 - 1);
    const grand = report.coalitions[coalitionKey(funders.map((f) => f.key))] ?? -1;
    const shares = Object.values(report.shares.shapley).reduce((a, b) => a + b, 0);
    expect(shares).toBeCloseTo(grand, 1);
  });

  it("counts every forbidden sharing the mixing check finds as a violation", async () => {
    const parts = { ...defaultAnalysisParts, forbiddenSharing: () => 1 };
    const scenario = syntheticScenario();
    const options = { ...settings, iterations: 5, runner: inlineSolveRunner, parts };
    const { report } = await analyseIntegration(scenario, options);
    expect(report.violations).toBe(7);
  });

  it("refuses a scenario that names a funder twice", async () => {
    const base = syntheticScenario();
    const scenario = { ...base, funders: [...base.funders, base.funders[0]!] };
    await expect(analyseIntegration(scenario, settings)).rejects.toMatchObject({
      code: "validation-failed",
      details: [{ path: "funders", message: expect.stringContaining("council-send") }],
    });
  });
});

describe("analyseIntegration with contract fleets (each vehicle in one funder's fleet)", () => {
  it("plans no coalition worse than any split of it, so no funder pays more than alone", async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario, async (drawn) => {
        const scenario = contractFleets(drawn);
        const { report } = await analyseIntegration(scenario, {
          seed: 3,
          iterations: 15,
          runner: inlineSolveRunner,
        });
        expect(report.violations).toBe(0);
        const objective = (members: readonly string[]) =>
          report.coalitions[coalitionKey(members)] ?? Number.NaN;
        for (const key of Object.keys(report.coalitions)) {
          const members = key.split("+");
          for (let part = 1; part < (1 << members.length) - 1; part++) {
            const a = members.filter((_, i) => part & (1 << i));
            const b = members.filter((_, i) => !(part & (1 << i)));
            // Objectives are rounded to pennies in the report.
            expect(objective(members), `${key} against ${a} + ${b}`).toBeLessThanOrEqual(
              objective(a) + objective(b) + 0.02,
            );
          }
        }
        expect(report.shares.paysMoreThanAlone).toEqual([]);
      }),
      { numRuns: 12, seed: 51 },
    );
  });
});

/** The scenario with each vehicle in its first funder's fleet only, and links within a funder. */
function contractFleets(scenario: IntegrationScenario): IntegrationScenario {
  const funderOf = (id: string) => scenario.requests[id]?.funder;
  const requests = scenario.problem.requests.map(({ linkedRequest, ...r }) =>
    linkedRequest !== undefined && funderOf(linkedRequest) === funderOf(r.id)
      ? { ...r, linkedRequest }
      : r,
  );
  const vehicles = Object.fromEntries(
    Object.entries(scenario.vehicles).map(([id, tag]) => [
      id,
      { ...tag, funders: tag.funders.slice(0, 1) },
    ]),
  );
  return { ...scenario, problem: { ...scenario.problem, requests }, vehicles };
}
