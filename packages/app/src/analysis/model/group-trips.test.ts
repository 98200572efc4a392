import { evaluate, solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { bus, scenarioOf, type TaggedRequest, trip } from "../test-support/scenario-builders";
import { groupIdenticalTrips } from "./group-trips";
import { planMetrics } from "./metrics";

const POINTS = [
  [0, 0],
  [10, 0],
  [20, 0],
] as const;
const NO_RULES = { version: "test", rules: [] };

/** `count` pupils from the stop at 1 to the school at 2, funded by `funder`. */
function pupils(count: number, funder = "council", extra = {}): TaggedRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    request: trip(`${funder}-P${i + 1}`, 1, 2, { penalty: 100, ...extra }),
    funder,
    service: "home-to-school",
  }));
}

const fleet = [{ vehicle: bus("B1", { layouts: [[20]] }), funders: ["council"] }];

describe("groupIdenticalTrips", () => {
  it("plans identical trips as requests of up to eight, as even as they can be", () => {
    const scenario = groupIdenticalTrips(scenarioOf(POINTS, pupils(10), fleet, NO_RULES));
    const requests = scenario.problem.requests;
    expect(requests.map((r) => [r.id, r.load, r.penalty])).toEqual([
      ["council-P1+4", [5], 500],
      ["council-P6+4", [5], 500],
    ]);
    expect(scenario.requests["council-P1+4"]).toEqual({
      funder: "council",
      service: "home-to-school",
      trips: 5,
    });
  });

  it("keeps apart trips with their own rules, other ends, times, funders or loads", () => {
    const separate: TaggedRequest[] = [
      ...pupils(2, "council"),
      ...pupils(1, "icb"),
      { request: trip("WC", 1, 2, { features: ["ramp"] }), funder: "council", service: "x" },
      { request: trip("PA", 1, 2, { needsAssistant: true }), funder: "council", service: "x" },
      {
        request: trip("LATE", 1, 2, { pickup: { location: 1, service: 0, window: [5, 9] } }),
        funder: "council",
        service: "home-to-school",
      },
      { request: trip("TWO", 1, 2, { load: [2] }), funder: "council", service: "home-to-school" },
      { request: trip("OUT", 1, 2, { linkedRequest: "BACK" }), funder: "council", service: "s" },
      { request: trip("BACK", 2, 1, { linkedRequest: "OUT" }), funder: "council", service: "s" },
      { request: trip("AWAY", 1, 0), funder: "council", service: "home-to-school" },
    ];
    const scenario = groupIdenticalTrips(scenarioOf(POINTS, separate, fleet, NO_RULES));
    expect(scenario.problem.requests.map((r) => r.id)).toEqual([
      "council-P1+1",
      "icb-P1",
      "WC",
      "PA",
      "LATE",
      "TWO",
      "OUT",
      "BACK",
      "AWAY",
    ]);
  });

  it("returns the scenario itself when no two trips are alike", () => {
    const scenario = scenarioOf(POINTS, pupils(1), fleet, NO_RULES);
    expect(groupIdenticalTrips(scenario)).toBe(scenario);
  });

  it("counts trips, not requests, in a plan's indicators", () => {
    const scenario = groupIdenticalTrips(scenarioOf(POINTS, pupils(12), fleet, NO_RULES));
    const solution = solve(scenario.problem, { seed: 1, iterations: 20 });
    expect(evaluate(scenario.problem, solution).violations).toEqual([]);
    const trips = (id: string) => scenario.requests[id]?.trips ?? 1;
    const metrics = planMetrics(scenario.problem, solution, scenario.vehicles, undefined, trips);
    expect(metrics.requests).toBe(12);
    expect(metrics.served).toBe(12);
    // Twelve passengers ride the 10 km from the stop to the school.
    expect(metrics.passengerKm).toBeCloseTo(120, 6);
  });
});
