import { describe, expect, it } from "vitest";
import { evaluate, insert, solve } from "../src/index";
import { lineProblem, request, vehicle } from "./builders";

/** Two trips out along the line: a vehicle charged per kilometre, one charged per trip. */
function problem(perTrip: number) {
  const byDistance = vehicle("KM", { costs: { fixed: 0, perDistance: 1, perHour: 0 } });
  const byTrip = vehicle("TRIP", { costs: { fixed: 0, perDistance: 0, perHour: 0, perTrip } });
  return lineProblem([request("r1", 1, 2), request("r2", 1, 3)], [byDistance, byTrip]);
}

describe("a vehicle bought per trip", () => {
  it("costs its trips, within the run's fixed cost", () => {
    const p = problem(25);
    const plan = {
      runs: [
        {
          vehicle: "TRIP",
          stops: [
            { kind: "pickup" as const, request: "r1" },
            { kind: "pickup" as const, request: "r2" },
            { kind: "dropoff" as const, request: "r1" },
            { kind: "dropoff" as const, request: "r2" },
          ],
        },
      ],
    };
    const evaluated = evaluate(p, plan);
    expect(evaluated.violations).toEqual([]);
    expect(evaluated.runs[0]?.cost.fixed).toBe(50);
    expect(evaluated.cost.total).toBe(50);
  });

  it("is chosen when its trips cost less than the kilometres, and not when they cost more", () => {
    // The run out to C and back is 60 km: two trips at 25 beat it, two at 40 do not.
    const cheap = solve(problem(25), { seed: 1, iterations: 50 });
    expect(cheap.runs.map((r) => r.vehicle)).toEqual(["TRIP"]);
    expect(cheap.cost.total).toBe(50);
    const dear = solve(problem(40), { seed: 1, iterations: 50 });
    expect(dear.runs.map((r) => r.vehicle)).toEqual(["KM"]);
    expect(dear.cost.total).toBe(60);
  });

  it("adds one trip's charge to an insertion's cost", () => {
    const p = problem(25);
    const plan = {
      runs: [
        {
          vehicle: "TRIP",
          stops: [
            { kind: "pickup" as const, request: "r1" },
            { kind: "dropoff" as const, request: "r1" },
          ],
        },
      ],
    };
    const inserted = insert(p, plan, p.requests[1]!);
    expect(inserted.ok && inserted.addedCost).toBe(25);
  });

  it("refuses a negative charge per trip", () => {
    expect(() => solve(problem(-1), { seed: 1, iterations: 1 })).toThrow(/perTrip/);
  });
});
