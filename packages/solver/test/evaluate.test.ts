import { describe, expect, it } from "vitest";
import { evaluate, type PlanStop } from "../src/index";
import { lineProblem, request, vehicle } from "./builders";

const pu = (request: string): PlanStop => ({ kind: "pickup", request });
const dr = (request: string): PlanStop => ({ kind: "dropoff", request });
const ids = (e: ReturnType<typeof evaluate>) => e.violations.map((v) => v.constraint);

describe("evaluate", () => {
  it("schedules a run and breaks down its cost", () => {
    const p = lineProblem(
      [request("r1", 1, 2)],
      [vehicle("v1", { costs: { fixed: 100, perDistance: 2, perHour: 60 } })],
    );
    const e = evaluate(p, { runs: [{ vehicle: "v1", stops: [pu("r1"), dr("r1")] }] });
    expect(e.violations).toEqual([]);
    expect(e.distance).toBeCloseTo(40);
    expect(e.cost.fixed).toBe(100);
    expect(e.cost.distance).toBeCloseTo(80);
    expect(e.cost.time).toBeCloseTo(40);
    expect(e.cost.total).toBeCloseTo(220);
    const stops = e.runs[0]!.stops;
    expect(stops.map((s) => s.arrival)).toEqual([10, 20]);
    expect(stops.map((s) => s.load[0])).toEqual([1, 0]);
  });

  it("delays the departure to avoid waiting (forward time slack)", () => {
    const p = lineProblem(
      [request("r1", 1, 2, { pickup: { location: 1, service: 0, window: [50, 60] } })],
      [vehicle("v1")],
    );
    const e = evaluate(p, { runs: [{ vehicle: "v1", stops: [pu("r1"), dr("r1")] }] });
    expect(e.runs[0]!.start).toBeCloseTo(40);
    expect(e.runs[0]!.duration).toBeCloseTo(40);
  });

  it("charges unserved penalties and lists unserved requests", () => {
    const p = lineProblem(
      [request("r1", 1, 2, { penalty: 500 }), request("r2", 1, 3)],
      [vehicle("v1")],
    );
    const e = evaluate(p, { runs: [{ vehicle: "v1", stops: [pu("r2"), dr("r2")] }] });
    expect(e.unserved).toEqual(["r1"]);
    expect(e.cost.unserved).toBe(500);
    expect(e.violations).toEqual([]);
  });

  it("reports a time-window violation with the lateness", () => {
    const p = lineProblem(
      [request("r1", 3, 1, { pickup: { location: 3, service: 0, window: [0, 20] } })],
      [vehicle("v1")],
    );
    const e = evaluate(p, { runs: [{ vehicle: "v1", stops: [pu("r1"), dr("r1")] }] });
    expect(ids(e)).toEqual(["time-window"]);
    expect(e.violations[0]!.amount).toBeCloseTo(10);
    expect(e.violations[0]!.message).toMatch(/outside its window/);
  });

  it("reports ride time over an absolute limit and over factor × direct + constant", () => {
    const r1 = request("r1", 1, 2, { maxRideTime: { absolute: 15 } });
    const r2 = request("r2", 1, 2, { maxRideTime: { factor: 1.5, constant: 0 } });
    const p = lineProblem([r1, r2], [vehicle("v1")]);
    // Detour via C (30,0) and back to B: ride = 20 + 10 = 30 for both.
    const r3 = request("r3", 3, 3);
    const p2 = { ...p, requests: [...p.requests, r3] };
    const e = evaluate(p2, {
      runs: [
        { vehicle: "v1", stops: [pu("r1"), pu("r2"), pu("r3"), dr("r3"), dr("r1"), dr("r2")] },
      ],
    });
    const ride = e.violations.filter((v) => v.constraint === "ride-time");
    expect(ride.map((v) => v.requests[0])).toEqual(["r1", "r2"]);
    expect(ride[0]!.amount).toBeCloseTo(15);
    expect(ride[1]!.amount).toBeCloseTo(15);
  });

  it("checks capacity against the run's layout, per dimension", () => {
    const p = {
      ...lineProblem([], []),
      dimensions: ["seats", "wheelchairs"],
      requests: [
        request("w1", 1, 2, { load: [0, 1] }),
        request("w2", 1, 2, { load: [0, 1] }),
        request("s1", 1, 2, { load: [3, 0] }),
      ],
      vehicles: [
        vehicle("v1", {
          layouts: [
            [8, 0],
            [5, 1],
          ],
        }),
      ],
    };
    const one = evaluate(p, {
      runs: [{ vehicle: "v1", stops: [pu("w1"), pu("s1"), dr("w1"), dr("s1")] }],
    });
    expect(one.violations).toEqual([]);
    expect(one.runs[0]!.layout).toBe(1);
    const two = evaluate(p, {
      runs: [{ vehicle: "v1", stops: [pu("w1"), pu("w2"), dr("w1"), dr("w2")] }],
    });
    expect(ids(two)).toContain("capacity");
    const forced = evaluate(p, {
      runs: [{ vehicle: "v1", layout: 0, stops: [pu("w1"), dr("w1")] }],
    });
    expect(ids(forced)).toEqual(["capacity"]);
  });

  it("reports shift and maximum duration", () => {
    const p = lineProblem(
      [request("r1", 3, 1)],
      [vehicle("v1", { shift: [0, 50], maxDuration: 40 })],
    );
    const e = evaluate(p, { runs: [{ vehicle: "v1", stops: [pu("r1"), dr("r1")] }] });
    expect(ids(e).sort()).toEqual(["max-duration", "shift"]);
  });

  it("reports missing features and assistants", () => {
    const p = lineProblem(
      [request("r1", 1, 2, { features: ["tail-lift"], needsAssistant: true })],
      [vehicle("v1")],
    );
    const e = evaluate(p, { runs: [{ vehicle: "v1", stops: [pu("r1"), dr("r1")] }] });
    expect(ids(e).sort()).toEqual(["passenger-assistant", "vehicle-features"]);
  });

  it("reports incompatible passengers on board together, by id and by group", () => {
    const p = lineProblem(
      [
        request("a", 1, 2, { incompatibleWith: ["b"] }),
        request("b", 1, 2),
        request("c", 1, 2, { groups: ["pupils"] }),
        request("d", 1, 2, { incompatibleGroups: ["pupils"] }),
      ],
      [vehicle("v1"), vehicle("v2")],
    );
    const bad = evaluate(p, {
      runs: [
        {
          vehicle: "v1",
          stops: [pu("a"), pu("b"), dr("a"), dr("b"), pu("c"), pu("d"), dr("c"), dr("d")],
        },
      ],
    });
    expect(ids(bad)).toEqual(["incompatibility", "incompatibility"]);
    const ok = evaluate(p, {
      runs: [
        {
          vehicle: "v1",
          stops: [pu("a"), dr("a"), pu("b"), dr("b"), pu("c"), dr("c"), pu("d"), dr("d")],
        },
      ],
    });
    expect(ok.violations).toEqual([]);
  });

  it("reports a door-through-door passenger travelling with someone else at their stops", () => {
    const p = lineProblem(
      [request("a", 1, 2, { doorThroughDoor: true }), request("b", 1, 3)],
      [vehicle("v1")],
    );
    const bad = evaluate(p, {
      runs: [{ vehicle: "v1", stops: [pu("b"), pu("a"), dr("a"), dr("b")] }],
    });
    expect(ids(bad)).toEqual(["door-through-door", "door-through-door"]);
    const ok = evaluate(p, {
      runs: [{ vehicle: "v1", stops: [pu("a"), dr("a"), pu("b"), dr("b")] }],
    });
    expect(ok.violations).toEqual([]);
  });

  it("checks pairing, precedence, unknown ids and linked requests", () => {
    const p = lineProblem(
      [request("a", 1, 2, { linkedRequest: "b" }), request("b", 2, 1)],
      [vehicle("v1"), vehicle("v2")],
    );
    const e = evaluate(p, {
      runs: [
        { vehicle: "v1", stops: [dr("a"), pu("a"), dr("a"), { kind: "pickup", request: "zz" }] },
        { vehicle: "v2", stops: [pu("b"), dr("b")] },
        { vehicle: "nope", stops: [] },
      ],
    });
    expect(ids(e).sort()).toEqual([
      "linked-request",
      "precedence",
      "unknown-request",
      "unknown-vehicle",
    ]);
  });

  it("requires a break inside its window and limits driving between breaks", () => {
    const breaks = [
      { id: "lunch", duration: 30, window: [20, 40] as const, maxDrivingBefore: 100 },
    ];
    const p = lineProblem([request("r1", 3, 0), request("r2", 3, 0)], [vehicle("v1", { breaks })]);
    const none = evaluate(p, {
      runs: [{ vehicle: "v1", stops: [pu("r1"), dr("r1"), pu("r2"), dr("r2")] }],
    });
    expect(ids(none)).toContain("breaks");
    const taken = evaluate(p, {
      runs: [
        {
          vehicle: "v1",
          stops: [pu("r1"), { kind: "break", break: "lunch" }, dr("r1"), pu("r2"), dr("r2")],
        },
      ],
    });
    expect(taken.violations).toEqual([]);
    const breakStop = taken.runs[0]!.stops[1]!;
    expect(breakStop.start).toBeCloseTo(30);
    expect(breakStop.departure).toBeCloseTo(60);
  });
});
