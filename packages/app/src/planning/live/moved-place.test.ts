import { evaluate, type Problem, type Request, type Run } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { storedRun } from "../overrides/plan-override-evaluation";
import { insertionOptions } from "./insertion-options";
import { LiveProblem } from "./live-problem";
import { placeByMoving } from "./moved-place";
import { timedRuns } from "./timed-runs";
import { placeWithinTold } from "./told-place";

/**
 * A line, minutes = kilometres. V1 (one seat, step-free) carries A from 10 to 50; V2 (one seat,
 * no step-free access) waits at 5. N, who needs step-free access, asks to go from 20 to 40,
 * picked up 15–30: only V1 can carry N, and only without A on board.
 */
const AT = [0, 10, 50, 20, 40, 5];
const matrix = AT.map((a) => AT.map((b) => Math.abs(a - b)));

function request(id: string, from: number, to: number, window: [number, number]): Request {
  return {
    id,
    pickup: { location: from, service: 0, window },
    dropoff: { location: to, service: 0, window: [0, 1000] },
    load: [1],
  };
}

const vehicle = (id: string, at: number, features: string[]) => ({
  id,
  start: at,
  end: at,
  shift: [0, 1000] as [number, number],
  layouts: [[1]],
  features,
  costs: { fixed: 0, perDistance: 1, perHour: 0 },
});

const A = request("A", 1, 2, [10, 25]);
const N = { ...request("N", 3, 4, [15, 30]), features: ["step-free"] };
const problem: Problem = {
  version: 1,
  dimensions: ["seats"],
  objective: "cost",
  locations: AT.map((_, i) => ({ id: `L${i}` })),
  matrices: { time: matrix, distance: matrix },
  requests: [A],
  vehicles: [vehicle("V1", 0, ["step-free"]), vehicle("V2", 5, [])],
};

function plannedDay() {
  const planned = {
    runs: [
      {
        vehicle: "V1",
        stops: [
          { kind: "pickup" as const, request: "A" },
          { kind: "dropoff" as const, request: "A" },
        ],
      },
    ],
  };
  const evaluated = evaluate(problem, planned);
  expect(evaluated.violations).toEqual([]);
  const runs = evaluated.runs.map((r, k) => ({ ...storedRun(r), id: `run-${k}` }));
  return { plan: timedRuns({ runs }), live: LiveProblem.of(problem, undefined) };
}

const riders = (run: Run) => run.stops.flatMap((s) => (s.kind === "pickup" ? [s.request] : []));

describe("a place won by moving one passenger", () => {
  it("moves A to the other vehicle in A's window told, so that N fits in N's", () => {
    const { plan, live } = plannedDay();
    const told = [15, 30] as const;
    // As the runs stand, nobody can take N in the window told.
    expect(insertionOptions(live, plan, N, { all: true }).options).toEqual([]);
    expect(placeWithinTold(live, plan, N, told)).toBeUndefined();
    const placed = placeByMoving(live, plan, N, told);
    if (!placed) throw new Error("no move found");
    expect(placed.vehicle).toBe("V1");
    expect(riders(placed.run)).toEqual(["N"]);
    expect(placed.pickup).toBeGreaterThanOrEqual(15);
    expect(placed.pickup).toBeLessThanOrEqual(30);
    expect(placed.moved.tripRequestId).toBe("A");
    expect(placed.moved.option.vehicle).toBe("V2");
    // A was told 10–20 around its planned 10, and is still picked up in it.
    expect(placed.moved.option.pickup).toBeGreaterThanOrEqual(10);
    expect(placed.moved.option.pickup).toBeLessThanOrEqual(20);
    // Both runs keep every rule, with N booked.
    const booked = live.withRequests([N]).whole();
    const plain = (run: Run) => ({
      vehicle: run.vehicle,
      stops: run.stops.map((s) =>
        s.kind === "break"
          ? { kind: s.kind, break: s.break }
          : { kind: s.kind, request: s.request },
      ),
    });
    const result = evaluate(booked, { runs: [plain(placed.run), plain(placed.moved.option.run)] });
    expect(result.violations).toEqual([]);
    expect(result.unserved).toEqual([]);
  });

  it("moves nobody when the trip cannot be picked up in its window told at all", () => {
    const { plan, live } = plannedDay();
    expect(placeByMoving(live, plan, N, [100, 110])).toBeUndefined();
  });
});
