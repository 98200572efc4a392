import { describe, expect, it } from "vitest";
import type { PlanRun, PlanRunStop } from "../ports";
import { tripCostShares } from "./member-plans";

const stop = (kind: "pickup" | "dropoff", trip: string, at: number): PlanRunStop => ({
  kind,
  tripRequestId: trip,
  location: 0,
  arrival: at,
  start: at,
  departure: at,
  load: [1, 0],
});

const run = (costPence: number, stops: PlanRunStop[]): PlanRun => ({
  id: "run",
  vehicleId: "v",
  layout: 0,
  stops,
  distanceMetres: 0,
  durationSeconds: 0,
  costPence,
});

describe("a run's cost split among its trips", () => {
  it("splits by minutes on board and sums to the run's cost to the penny", () => {
    const shares = tripCostShares(
      run(1001, [
        stop("pickup", "a", 480),
        stop("pickup", "b", 490),
        stop("dropoff", "b", 500),
        stop("dropoff", "a", 510),
      ]),
    );
    // a rides 30 minutes, b 10: three quarters and one quarter, the odd penny to the longer ride.
    expect(shares.get("a")).toBe(751);
    expect(shares.get("b")).toBe(250);
    expect([...shares.values()].reduce((x, y) => x + y, 0)).toBe(1001);
  });

  it("counts a ride of no minutes as one, and a run with no trips as none", () => {
    const shares = tripCostShares(run(300, [stop("pickup", "a", 480), stop("dropoff", "a", 480)]));
    expect(shares.get("a")).toBe(300);
    expect(tripCostShares(run(500, [])).size).toBe(0);
  });
});
