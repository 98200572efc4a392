import type { Lot, Vehicle, VehicleInput } from "@tt/domain";
import { evaluate, type Problem, type Request } from "@tt/solver";
import { aVehicle } from "@tt/testkit";
import { describe, expect, it } from "vitest";
import { storedRun } from "../overrides/plan-override-evaluation";
import { unfitRuns } from "./bid-fit";
import { LiveProblem } from "./live-problem";

/** A line, minutes = kilometres: V1 drives 0 → 130 and must rest before 100 minutes' driving. */
const AT = [0, 10, 20, 40, 55, 120, 130];
const matrix = AT.map((a) => AT.map((b) => Math.abs(a - b)));
const request = (id: string, from: number, to: number): Request => ({
  id,
  pickup: { location: from, service: 0, window: [0, 300] },
  dropoff: { location: to, service: 0, window: [0, 1000] },
  load: [1, 0],
});
const problem: Problem = {
  version: 1,
  dimensions: ["seats", "wheelchairs"],
  objective: "cost",
  locations: AT.map((_, i) => ({ id: `L${i}` })),
  matrices: { time: matrix, distance: matrix },
  requests: [request("W", 1, 2), request("X", 3, 4), request("Z", 5, 6)],
  vehicles: [
    {
      id: "V1",
      start: 0,
      end: 6,
      shift: [0, 1000],
      layouts: [[4, 0]],
      costs: { fixed: 0, perDistance: 1, perHour: 0 },
      breaks: [{ id: "rest", duration: 30, maxDrivingBefore: 100 }],
    },
  ],
};
const on = (kind: "pickup" | "dropoff", id: string) => ({ kind, request: id });

/** The same day with Z to be picked up at 120 by 105: no vehicle from 0 can be there in time. */
const forced: Problem = {
  ...problem,
  requests: problem.requests.map((r) =>
    r.id === "Z" ? { ...r, pickup: { ...r.pickup, window: [100, 105] } } : r,
  ),
};

/** The run as stored, with its driver's rest. */
function planned(day: Problem = problem) {
  const rest = [{ kind: "break" as const, break: "rest" }];
  const stops = [on("pickup", "W"), on("dropoff", "W"), on("pickup", "X"), on("dropoff", "X")];
  const plan = {
    runs: [{ vehicle: "V1", stops: [...stops, ...rest, on("pickup", "Z"), on("dropoff", "Z")] }],
  };
  const evaluated = evaluate(day, plan);
  const runs = evaluated.runs.map((r, k) => ({ ...storedRun(r), id: `run-${k}` }));
  return { runs, violations: evaluated.violations };
}

const lot: Lot = {
  name: "Line",
  runs: [{ vehicleId: "V1", vehicleReference: "V1", start: 10, end: 160, trips: 3, costPence: 0 }],
  daysPerYear: 190,
  costPerDayPence: 0,
  estimatedCostPence: 0,
  needs: { seats: 1, wheelchairs: 0, vehicleKinds: ["minibus"] },
};
/** A register vehicle as stored. */
const stored = (input: VehicleInput): Vehicle => ({
  ...input,
  id: input.reference,
  organisationId: "op",
  createdAt: "2026-09-01T00:00:00Z",
  updatedAt: "2026-09-01T00:00:00Z",
});
/** On duty all day: the line runs from a few minutes after midnight. */
const allDay = { availableFrom: "00:00", availableTo: "23:59" };
const seated = stored(aVehicle({ reference: "S-1", seats: 8, wheelchairSpaces: 0, ...allDay }));
const chairOnly = stored(
  aVehicle({
    ...allDay,
    reference: "C-1",
    seats: 0,
    wheelchairSpaces: 1,
    layouts: [],
    kind: "wheelchair-accessible-vehicle",
  }),
);
const live = LiveProblem.of(problem, undefined);

describe("the engine's check of the vehicles a bid offers", () => {
  it("schedules a run that keeps every rule again with each vehicle offered in its place", () => {
    const plan = planned();
    expect(plan.violations).toEqual([]);
    expect(unfitRuns(live, plan, lot, [seated])).toEqual([]);
    expect(unfitRuns(live, plan, lot, [chairOnly])).toEqual([
      expect.stringContaining("cannot be carried by any vehicle offered"),
    ]);
  });

  it("judges a run changed by hand that breaks a rule as planned by the room and features offered", () => {
    const plan = planned(forced);
    // Z kept on the run though it cannot be reached in time: no vehicle could keep every rule.
    expect(plan.violations.length).toBeGreaterThan(0);
    const day = LiveProblem.of(forced, undefined);
    expect(unfitRuns(day, plan, lot, [seated])).toEqual([]);
    expect(unfitRuns(day, plan, lot, [chairOnly])).toEqual([
      expect.stringContaining("cannot be carried by any vehicle offered"),
    ]);
  });

  it("names the hours when no vehicle offered is on duty for the whole run", () => {
    const late = stored(
      aVehicle({ reference: "S-2", availableFrom: "18:00", availableTo: "22:00" }),
    );
    expect(unfitRuns(live, planned(), lot, [late])).toEqual([
      expect.stringContaining(
        "outside the hours of work of every vehicle offered (S-2 18:00–22:00)",
      ),
    ]);
  });
});
