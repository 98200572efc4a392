import { insert, type Problem, type Request, solve } from "@tt/solver";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbScenario } from "../test-support/arbitrary-scenario";
import { bus, overlapCase, plane, trip } from "../test-support/scenario-builders";
import { coalitionProblem } from "./coalition-problem";
import { applyMixingPolicy } from "./mixing-policy";
import { canCarry, carrierRuns, compactRun, extendCompact, mayCarry } from "./overlap-carrier";
import type { IntegrationScenario, SolvedPlan } from "./types";

function siloPlans(scenario: IntegrationScenario, seed: number): Record<string, SolvedPlan> {
  return Object.fromEntries(
    scenario.funders.map((f) => {
      const problem = coalitionProblem(scenario, [f.key]);
      return [f.key, { problem, solution: solve(problem, { seed, iterations: 20 }) }];
    }),
  );
}

/**
 * The obvious answer: `insert()` into the whole silo plan (every location, every request), with
 * only the carrier's runs and their vehicles, the trip taken out of the plan if it is there.
 */
function reference(
  scenario: IntegrationScenario,
  plan: SolvedPlan,
  service: string,
  newcomer: Request,
): boolean {
  const carries = plan.solution.runs.filter((run) =>
    run.stops.some((s) => s.kind === "pickup" && scenario.requests[s.request]?.service === service),
  );
  const runs = carries.map((run) => ({
    ...run,
    stops: run.stops.filter((s) => s.kind === "break" || s.request !== newcomer.id),
  }));
  const vehicles = new Set(runs.map((r) => r.vehicle));
  const { linkedRequest: _l, penalty: _p, ...alone } = newcomer;
  const problem: Problem = applyMixingPolicy(
    {
      ...plan.problem,
      requests: [
        ...plan.problem.requests
          .filter((r) => r.id !== newcomer.id)
          .map(({ linkedRequest: _link, ...r }) => r),
        alone,
      ],
      vehicles: plan.problem.vehicles.filter((v) => vehicles.has(v.id)),
    },
    scenario.requests,
    scenario.mixing,
  );
  return insert(problem, { runs }, problem.requests[problem.requests.length - 1]!).ok;
}

describe("canCarry", () => {
  it("gives the same answer as insert() into the whole silo plan (property)", () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 0, max: 100 }), (scenario, seed) => {
        const silo = siloPlans(scenario, seed);
        const services = [...new Set(Object.values(scenario.requests).map((t) => t.service))];
        for (const service of services) {
          for (const carrier of carrierRuns(scenario, silo, service)) {
            const plan = silo[carrier.funder]!;
            for (const r of scenario.problem.requests) {
              if (scenario.requests[r.id]?.service === service) continue;
              expect(canCarry(carrier, r, scenario)).toBe(reference(scenario, plan, service, r));
            }
          }
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("uses only runs carrying the service, never an idle vehicle", () => {
    const scenario = overlapCase();
    const silo = siloPlans(scenario, 1);
    const [nhs] = carrierRuns(scenario, silo, "nepts-outpatient");
    expect(nhs?.runs.map((r) => r.run.vehicle)).toHaveLength(1);
    const mixes = scenario.problem.requests.find((r) => r.id === "send-mixes")!;
    expect(canCarry(nhs!, mixes, scenario)).toBe(false);
  });
});

describe("mayCarry", () => {
  const t = trip("t", 1, 2, {
    pickup: { location: 1, service: 0, window: [100, 110] },
    dropoff: { location: 2, service: 0, window: [100, 200] },
    load: [1, 1],
    features: ["tail-lift"],
  });
  const fits = bus("v", { layouts: [[4, 1]], features: ["tail-lift"], shift: [0, 150] });

  it("accepts a vehicle the solver would allow", () => {
    expect(mayCarry(fits, t)).toBe(true);
  });

  it("refuses a missing feature, a missing assistant, no layout that fits, a shift apart", () => {
    expect(mayCarry({ ...fits, features: [] }, t)).toBe(false);
    expect(mayCarry(fits, { ...t, needsAssistant: true })).toBe(false);
    expect(mayCarry({ ...fits, hasAssistant: true }, { ...t, needsAssistant: true })).toBe(true);
    expect(
      mayCarry(
        {
          ...fits,
          layouts: [
            [4, 0],
            [0, 1],
          ],
        },
        t,
      ),
    ).toBe(false);
    expect(mayCarry({ ...fits, shift: [120, 300] }, t)).toBe(false);
    expect(mayCarry({ ...fits, shift: [0, 90] }, t)).toBe(false);
  });
});

describe("compactRun and extendCompact", () => {
  const points = Array.from({ length: 9 }, (_, i) => [i * 3, (i * i) % 7] as const);
  const full: Problem = {
    version: 1,
    dimensions: ["seats"],
    ...plane(points),
    requests: [],
    vehicles: [],
    objective: "cost",
  };

  it("keeps every travel time between the locations it keeps", () => {
    const run = compactRun(
      full,
      [trip("a", 4, 7), trip("b", 7, 2)],
      bus("v", { start: 5, end: 0 }),
    );
    const grown = extendCompact(full, run, [trip("c", 2, 8)]);
    expect(grown.origin).toEqual([5, 0, 4, 7, 2, 8]);
    const { time, distance } = grown.problem.matrices;
    grown.origin.forEach((a, i) => {
      grown.origin.forEach((b, j) => {
        expect(time[i]?.[j]).toBe(full.matrices.time[a]?.[b]);
        expect(distance[i]?.[j]).toBe(full.matrices.distance[a]?.[b]);
      });
    });
    const c = grown.problem.requests[2]!;
    expect([grown.origin[c.pickup.location], grown.origin[c.dropoff.location]]).toEqual([2, 8]);
    const v = grown.problem.vehicles[0]!;
    expect([grown.origin[v.start], grown.origin[v.end]]).toEqual([5, 0]);
    expect(run.problem.requests).toHaveLength(2);
  });
});
