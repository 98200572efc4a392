import { describe, expect, it } from "vitest";
import { evaluate, insert, type Plan, type PlanStop, type Problem, solve } from "../src/index";
import { grid, lineProblem, request, vehicle } from "./builders";

/**
 * Regression tests for bugs the move-delta property tests found: a second capacity dimension read
 * past its array in the insertion screen, and links between legs kept only one way.
 */
const pu = (id: string): PlanStop => ({ kind: "pickup", request: id });
const dr = (id: string): PlanStop => ({ kind: "dropoff", request: id });

describe("regressions found by the move-delta tests", () => {
  // operators/insertion-eval.ts: RouteCache.load is allocated for 8 entries and only grown with
  // E (when a run has more than 6 stops), so with 2 dimensions the load after the 4th stop reads
  // `undefined` and the capacity screen passes; runs needing no exact check are not re-checked.
  it("insertion never overloads a vehicle when there are two capacity dimensions", () => {
    const xs = [0, 10, 20, 30, 40, 45, 50, 60];
    const p: Problem = {
      version: 1,
      dimensions: ["seats", "wheelchairs"],
      ...grid(xs.map((x) => [x, 0] as const)),
      requests: [
        request("a", 1, 2, { load: [2, 0] }),
        request("b", 3, 6, { load: [2, 0] }),
        request("c", 4, 7, { load: [2, 0] }),
        request("d", 4, 5, { load: [1, 0] }),
      ],
      vehicles: [vehicle("v", { layouts: [[4, 0]] })],
      objective: "cost",
    };
    const plan: Plan = {
      runs: [{ vehicle: "v", stops: [pu("a"), dr("a"), pu("b"), pu("c"), dr("b"), dr("c")] }],
    };
    expect(evaluate(p, plan).violations).toEqual([]);
    const out = insert(p, plan, p.requests[3]!);
    // Correct: d waits until a seat is free (or is refused); today it boards with 4 on board.
    if (out.ok) expect(evaluate(p, out.solution).violations).toEqual([]);
  });

  // instance.ts keeps `linked` one-way (only the request naming its partner knows the link);
  // insert-requests.ts, sequential-insertion.ts, insert.ts and local-search.ts (relocate) then let
  // the other leg go to any vehicle.
  it("solve() keeps linked legs on one vehicle when only one leg names the other", () => {
    // The return leg needs the ramp vehicle (based at C) and names the outbound leg; the
    // outbound leg alone is cheapest on the other vehicle (based at the depot).
    const p = lineProblem(
      [
        request("back", 2, 1, {
          linkedRequest: "out",
          features: ["ramp"],
          pickup: { location: 2, service: 0, window: [100, 110] },
        }),
        request("out", 1, 2, { pickup: { location: 1, service: 0, window: [0, 10] } }),
      ],
      [
        vehicle("depot"),
        vehicle("ramp", {
          start: 3,
          end: 3,
          features: ["ramp"],
          costs: { fixed: 0, perDistance: 3, perHour: 0 },
        }),
      ],
    );
    const s = solve(p, { seed: 1, iterations: 50 });
    expect(evaluate(p, s).violations).toEqual([]);
  });

  // constraints/plan-structure.ts checks a link only from the request with the lower index
  // (`r < other`), so a link named only by the later request is never checked.
  it("evaluate() reports linked legs on two vehicles whichever leg names the other", () => {
    const p = lineProblem(
      [request("out", 0, 2), request("back", 2, 0, { linkedRequest: "out" })],
      [vehicle("v1"), vehicle("v2")],
    );
    const plan: Plan = {
      runs: [
        { vehicle: "v1", stops: [pu("out"), dr("out")] },
        { vehicle: "v2", stops: [pu("back"), dr("back")] },
      ],
    };
    expect(evaluate(p, plan).violations.map((v) => v.constraint)).toEqual(["linked-request"]);
  });
});
