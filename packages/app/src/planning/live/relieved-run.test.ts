import { evaluate, type Problem, type Request } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { storedRun } from "../overrides/plan-override-evaluation";
import { LiveProblem } from "./live-problem";
import { rescheduledRuns } from "./relieved-run";
import { checkedRun } from "./run-problem";
import { timedRun } from "./timed-runs";

/**
 * A line, minutes = kilometres. V1 drives from 0 to 130 and may drive 100 minutes before its
 * 30-minute break. W rides 10→20, X 40→55, M 55→60 (not before 90), Z 120→130 (picked up
 * 150–160). With X, the break fits where X gets off (55 minutes of driving before, 75 after);
 * without X, no place does: where W gets off leaves 110 minutes after; with M on board or once M
 * is off, Z is picked up too late. V2 waits at 120.
 */
const AT = [0, 10, 20, 40, 55, 55, 60, 120, 130];
const matrix = AT.map((a) => AT.map((b) => Math.abs(a - b)));

function request(id: string, from: number, to: number, window: [number, number]): Request {
  return {
    id,
    pickup: { location: from, service: 0, window },
    dropoff: { location: to, service: 0, window: [0, 1000] },
    load: [1],
  };
}

const problem: Problem = {
  version: 1,
  dimensions: ["seats"],
  objective: "cost",
  locations: AT.map((_, i) => ({ id: `L${i}` })),
  matrices: { time: matrix, distance: matrix },
  requests: [
    request("W", 1, 2, [0, 300]),
    request("X", 3, 4, [40, 300]),
    request("M", 5, 6, [90, 300]),
    request("Z", 7, 8, [150, 160]),
  ],
  vehicles: [
    {
      id: "V1",
      start: 0,
      end: 8,
      shift: [0, 1000],
      layouts: [[4]],
      costs: { fixed: 0, perDistance: 1, perHour: 0 },
      breaks: [{ id: "rest", duration: 30, maxDrivingBefore: 100 }],
    },
    {
      id: "V2",
      start: 7,
      end: 7,
      shift: [0, 1000],
      layouts: [[4]],
      costs: { fixed: 0, perDistance: 1, perHour: 0 },
    },
  ],
};

const on = (kind: "pickup" | "dropoff", request: string) => ({ kind, request });
const PLANNED = {
  runs: [
    {
      vehicle: "V1",
      stops: [
        on("pickup", "W"),
        on("dropoff", "W"),
        on("pickup", "X"),
        on("dropoff", "X"),
        { kind: "break" as const, break: "rest" },
        on("pickup", "M"),
        on("dropoff", "M"),
        on("pickup", "Z"),
        on("dropoff", "Z"),
      ],
    },
  ],
};

function plannedDay() {
  const evaluated = evaluate(problem, PLANNED);
  expect(evaluated.violations).toEqual([]);
  const runs = evaluated.runs.map((r, k) => ({ ...storedRun(r), id: `run-${k}` }));
  return { runs, live: LiveProblem.of(problem, undefined) };
}

const riders = (run: { stops: readonly { kind: string }[] } | undefined) =>
  (run?.stops ?? []).flatMap((s) => ("request" in s && s.kind === "pickup" ? [s.request] : []));

describe("a run a cancellation leaves unable to keep the break rule", () => {
  it("moves one passenger to another run, in the window they were told, so both keep every rule", () => {
    const { runs, live } = plannedDay();
    const after = live.without(["X"]);
    const v1 = problem.vehicles[0]!;
    const changed = rescheduledRuns({ runs }, after, v1, timedRun(runs[0]!).stops);
    expect(changed.moved).toEqual({ tripRequestId: "Z", vehicle: "V2" });
    expect(riders(changed.runs.get("V1")?.after)).toEqual(["W", "M"]);
    expect(riders(changed.runs.get("V2")?.after)).toEqual(["Z"]);
    const plan = {
      runs: [...changed.runs.entries()].map(([vehicle, c]) => ({
        vehicle,
        stops: (c.after?.stops ?? []).map((s) =>
          s.kind === "break"
            ? { kind: s.kind, break: s.break }
            : { kind: s.kind, request: s.request },
        ),
      })),
    };
    expect(evaluate(after.whole(), plan).violations).toEqual([]);
    // Z is picked up in the window it was told around its planned 155.
    const zPickup = changed.runs.get("V2")?.after?.stops.find((s) => s.kind === "pickup");
    expect(zPickup?.start).toBeGreaterThanOrEqual(150);
    expect(zPickup?.start).toBeLessThanOrEqual(160);
  });

  it("needs the move: no place for the break and no order of the run keeps the rules", () => {
    const { runs, live } = plannedDay();
    const stops = timedRun(runs[0]!).stops;
    const checked = checkedRun(live.without(["X"]), problem.vehicles[0]!, stops);
    expect(checked?.keepsRules).toBe(false);
    expect(checkedRun(live, problem.vehicles[0]!, stops)?.keepsRules).toBe(true);
  });

  it("moves nobody when the run keeps the rules without the trip", () => {
    const { runs, live } = plannedDay();
    const changed = rescheduledRuns(
      { runs },
      live.without(["W"]),
      problem.vehicles[0]!,
      timedRun(runs[0]!).stops,
    );
    expect(changed.moved).toBeUndefined();
    expect([...changed.runs.keys()]).toEqual(["V1"]);
    expect(riders(changed.runs.get("V1")?.after)).toEqual(["X", "M", "Z"]);
  });
});
