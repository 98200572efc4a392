import { evaluate, type Plan, type Problem, type Request, type Vehicle } from "@tt/solver";
import { describe, expect, it } from "vitest";
import type { PlanRunStop, PlanSummary, StoredPlan } from "../../ports";
import { storedRun } from "../overrides/plan-override-evaluation";
import { withoutHandedBack } from "./handed-back-runs";
import { LiveProblem } from "./live-problem";

/**
 * A line, minutes = kilometres. V1 carries X from 10 to 20, V2 carries Y from 40 to 50. C1, the
 * contract's minibus (the only one with a wheelchair space), carries W (a wheelchair user) from
 * 10 to 40, A from 20 to 30 and B from 30 to 40. C1 is handed back: A and B fit on V1 and V2,
 * W fits on no other vehicle.
 */
const AT = [0, 10, 20, 30, 40, 50, 60];
const matrix = AT.map((a) => AT.map((b) => Math.abs(a - b)));

function request(id: string, from: number, to: number, extra: Partial<Request> = {}): Request {
  return {
    id,
    pickup: { location: from, service: 0, window: [0, 300] },
    dropoff: { location: to, service: 0, window: [0, 1000] },
    load: [1],
    ...extra,
  };
}

const vehicle = (id: string, at: number, features: string[] = []): Vehicle => ({
  id,
  start: at,
  end: at,
  shift: [0, 1000],
  layouts: [[4]],
  features,
  costs: { fixed: 100, perDistance: 1, perHour: 0 },
});

const problem: Problem = {
  version: 1,
  dimensions: ["seats"],
  objective: "cost",
  locations: AT.map((_, i) => ({ id: `L${i}` })),
  matrices: { time: matrix, distance: matrix },
  requests: [
    request("X", 1, 2),
    request("Y", 4, 5),
    request("W", 1, 4, { features: ["wheelchair"] }),
    request("A", 2, 3),
    request("B", 3, 4),
  ],
  vehicles: [vehicle("V1", 0), vehicle("V2", 6), vehicle("C1", 0, ["wheelchair"])],
};

const on = (kind: "pickup" | "dropoff", request: string) => ({ kind, request });
const PLANNED: Plan = {
  runs: [
    { vehicle: "V1", stops: [on("pickup", "X"), on("dropoff", "X")] },
    { vehicle: "V2", stops: [on("pickup", "Y"), on("dropoff", "Y")] },
    {
      vehicle: "C1",
      stops: [
        on("pickup", "W"),
        on("pickup", "A"),
        on("dropoff", "A"),
        on("pickup", "B"),
        on("dropoff", "B"),
        on("dropoff", "W"),
      ],
    },
  ],
};

function publishedPlan(): StoredPlan {
  const evaluated = evaluate(problem, PLANNED);
  expect(evaluated.violations).toEqual([]);
  const summary: PlanSummary = {
    date: "2026-09-10",
    seed: 1,
    seconds: 0,
    travelTimes: "line",
    thread: "main-thread",
    requests: 5,
    assigned: 5,
    unassigned: 0,
    unassignedByReason: {},
    vehiclesAvailable: 3,
    vehiclesUsed: 3,
    cost: { total: evaluated.cost.total, fixed: 300, distance: 0, time: 0 },
    distanceKm: 0,
    solverIterations: 0,
    issueCount: 0,
    issues: [],
    problemKept: true,
  };
  return {
    id: "plan-1",
    organisationId: "county",
    name: "Thursday",
    serviceDate: "2026-09-10",
    status: "published",
    summary,
    createdAt: "2026-09-01T08:00:00.000Z",
    revision: 1,
    revisedFrom: null,
    unassigned: [],
    runs: evaluated.runs.map((r, k) => ({ ...storedRun(r), id: `run-${k}` })),
  };
}

type Runs = readonly { readonly vehicleId: string; readonly stops: readonly PlanRunStop[] }[];

/** A run's stops as a sequence, leaving out the trips named. */
const sequence = (run: Runs[number] | undefined, leaving: readonly string[] = []) =>
  (run?.stops ?? []).flatMap((s) =>
    s.kind === "break"
      ? [`break:${s.breakId}`]
      : leaving.includes(s.tripRequestId)
        ? []
        : [`${s.kind}:${s.tripRequestId}`],
  );

const asPlan = (runs: Runs): Plan => ({
  runs: runs.map((r) => ({
    vehicle: r.vehicleId,
    stops: r.stops.map((s) =>
      s.kind === "break"
        ? { kind: "break" as const, break: s.breakId }
        : { kind: s.kind, request: s.tripRequestId },
    ),
  })),
});

describe("a plan without the runs of a contract handed back", () => {
  const plan = publishedPlan();
  const live = LiveProblem.of(problem, undefined);
  const changed = withoutHandedBack(plan, live, new Set(["C1"]));

  it("moves only the handed-back run's trips: every other run keeps its stops in order", () => {
    expect(changed).toBeDefined();
    const runs = changed?.revision.runs ?? [];
    expect(runs.map((r) => r.vehicleId).sort()).toEqual(["V1", "V2"]);
    const moved = changed?.moved.map((m) => m.tripRequestId).sort();
    expect(moved).toEqual(["A", "B"]);
    for (const before of plan.runs.filter((r) => r.vehicleId !== "C1")) {
      const after = runs.find((r) => r.vehicleId === before.vehicleId);
      expect(sequence(after, ["A", "B"])).toEqual(sequence(before));
    }
    // Each moved trip is picked up in the window its passenger was told.
    for (const m of changed?.moved ?? []) {
      expect([m.tripRequestId, m.fromVehicle, m.withinTold]).toEqual([m.tripRequestId, "C1", true]);
      expect(Math.abs(m.pickupAfter - m.pickupBefore)).toBeLessThanOrEqual(10);
    }
  });

  it("keeps every rule: the revision evaluates without a violation", () => {
    const runs = changed?.revision.runs ?? [];
    const evaluated = evaluate(problem, asPlan(runs));
    expect(evaluated.violations).toEqual([]);
    expect(evaluated.runs.some((r) => r.vehicle === "C1")).toBe(false);
  });

  it("leaves a trip no other run can carry unassigned, with the engine's reason", () => {
    expect(changed?.unassigned).toEqual([
      {
        tripRequestId: "W",
        reason: "features",
        message: "no other vehicle can take it (features: 2 vehicles)",
      },
    ]);
    expect(changed?.revision.unassigned.map((u) => u.tripRequestId)).toEqual(["W"]);
    expect(changed?.revision.summary).toMatchObject({
      assigned: 4,
      unassigned: 1,
      unassignedByReason: { features: 1 },
      vehiclesUsed: 2,
    });
  });

  it("says what the plan's runs cost before and after, pence", () => {
    const before = plan.runs.reduce((sum, r) => sum + r.costPence, 0);
    const after = (changed?.revision.runs ?? []).reduce((sum, r) => sum + r.costPence, 0);
    expect(changed?.costBeforePence).toBe(before);
    expect(changed?.costAfterPence).toBe(after);
    // C1's day (100) and its driving are saved; V1 drives a little farther with A and B.
    expect(after).toBeLessThan(before);
    expect(changed?.vehicles).toEqual(["C1", "V1"]);
    // V2's run is the plan's own, kept as it was (shared with the plan, not stored again).
    const v2 = plan.runs.find((r) => r.vehicleId === "V2");
    expect(changed?.revision.runs).toContain(v2);
  });

  it("changes nothing when no run uses the vehicles handed back", () => {
    expect(withoutHandedBack(plan, live, new Set(["C9"]))).toBeUndefined();
  });
});
