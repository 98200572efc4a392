import { evaluate, type Plan, type Problem, solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { buildProblem } from "../build-problem";
import {
  passenger,
  tinyRegister,
  straightLineTravelTimes as travel,
  trip,
  vehicle,
} from "../test-support/tiny-register";
import { LiveProblem } from "./live-problem";
import { scheduledRun, type TimedStop } from "./run-problem";

const ids = ["01", "02", "03", "04", "05", "06"];

/** Six pupils on one minibus, each leaving after 07:00: picked up as the minibus reaches them. */
async function oneRun() {
  const register = tinyRegister({
    passengers: ids.map((i, k) => passenger(`p${i}`, { homeLat: 52.2 + k * 0.01 })),
    tripRequests: ids.map((i) =>
      trip(`t${i}`, `p${i}`, { timing: "depart-after", time: "07:00", windowMinutes: 120 }),
    ),
    vehicles: [vehicle("v1")],
  });
  const built = await buildProblem(register, travel);
  const problem: Problem = built.problem;
  const plan: Plan = solve(problem, { seed: 1, iterations: 100 });
  const run = evaluate(problem, plan).runs[0]!;
  const live = LiveProblem.of(problem, { travelTimes: travel.name, points: built.points });
  return { problem, run, live };
}

describe("a run a cancellation leaves", () => {
  it("picks nobody up earlier than planned: the vehicle waits where the trip was", async () => {
    const { problem, run, live } = await oneRun();
    const pickups = run.stops.filter((s) => s.kind === "pickup");
    expect(pickups.length).toBeGreaterThan(2);
    const gone = pickups[0]!.kind === "pickup" ? pickups[0]!.request : "";
    const vehicle = problem.vehicles[0]!;
    const after = scheduledRun(live.without([gone]), vehicle, run.stops);
    expect(after).toBeDefined();
    const planned = new Map(
      pickups.flatMap((s) => (s.kind === "pickup" ? [[s.request, s.start] as const] : [])),
    );
    const moved = after!.stops.flatMap((s) =>
      s.kind === "pickup" ? [s.start - (planned.get(s.request) ?? s.start)] : [],
    );
    expect(moved).toHaveLength(pickups.length - 1);
    expect(Math.min(...moved)).toBeGreaterThanOrEqual(0);
    const check = evaluate(
      { ...problem, requests: problem.requests.filter((r) => r.id !== gone) },
      { runs: [{ vehicle: vehicle.id, stops: after!.stops }] },
    );
    expect(check.violations).toEqual([]);
  });

  it("moves the driver's break where the rules hold when a direct leg drives longer than the trip's", async () => {
    const { problem, run } = await oneRun();
    const stops: TimedStop[] = run.stops.map((s) =>
      s.kind === "break"
        ? { kind: "break", break: s.break }
        : { kind: s.kind, request: s.request, start: s.start },
    );
    const pickups = stops.flatMap((s) => (s.kind === "pickup" ? [s.request] : []));
    const [first, gone, third] = pickups as [string, string, string];
    const breakAt = (at: number): TimedStop[] => [
      ...stops.slice(0, at),
      { kind: "break", break: "b1" },
      ...stops.slice(at),
    ];
    // Without the second pupil, the first's home to the third's takes 15 minutes more direct.
    const loc = (id: string) => problem.requests.find((r) => r.id === id)!.pickup.location;
    const time = problem.matrices.time.map((row) => [...row]);
    time[loc(first)]![loc(third)]! += 15;
    // No ride-time limit, so a break with pupils on board breaks no other rule.
    const requests = problem.requests.map(({ maxRideTime: _m, ...r }) => r);
    const ruledBy = (limit: number): Problem => ({
      ...problem,
      requests,
      matrices: { ...problem.matrices, time },
      vehicles: problem.vehicles.map((v) => ({
        ...v,
        breaks: [{ id: "b1", duration: 10, maxDrivingBefore: limit }],
      })),
    });
    const broken = (p: Problem, requests: Problem["requests"], sequence: readonly TimedStop[]) =>
      evaluate({ ...p, requests }, { runs: [{ vehicle: "v1", stops: [...sequence] }] }).violations
        .length;
    const left = requests.filter((r) => r.id !== gone);
    const without = (sequence: TimedStop[]) =>
      sequence.filter((s) => s.kind === "break" || s.request !== gone);
    const places = [...Array(stops.length + 1).keys()];
    // A place for the break and a limit the run keeps with the second pupil, that the run breaks
    // as it stands without them, and keeps with the break elsewhere.
    const scene = places
      .flatMap((at) => [...Array(240).keys()].map((limit) => ({ at, limit })))
      .find(({ at, limit }) => {
        const p = ruledBy(limit);
        return (
          broken(p, p.requests, breakAt(at)) === 0 &&
          broken(p, left, without(breakAt(at))) > 0 &&
          places.some((other) => broken(p, left, without(breakAt(other))) === 0)
        );
      });
    expect(scene).toBeDefined();
    const ruled = ruledBy(scene!.limit);
    const withBreak = breakAt(scene!.at);
    const live = LiveProblem.of(ruled, undefined).without([gone]);
    const after = scheduledRun(live, ruled.vehicles[0]!, withBreak);
    expect(after).toBeDefined();
    expect(broken(ruled, left, after!.stops)).toBe(0);
    const cancelled = without(withBreak);
    expect(after!.stops.findIndex((s) => s.kind === "break")).not.toBe(
      cancelled.findIndex((s) => s.kind === "break"),
    );
    // A run that needed no break with the second pupil, and needs one without them: it is put in.
    const unbroken = [...Array(240).keys()].find((limit) => {
      const p = ruledBy(limit);
      return (
        broken(p, p.requests, stops) === 0 &&
        broken(p, left, without(stops)) > 0 &&
        places.some((at) => broken(p, left, without(breakAt(at))) === 0)
      );
    });
    expect(unbroken).toBeDefined();
    const tight = ruledBy(unbroken!);
    const alone = LiveProblem.of(tight, undefined).without([gone]);
    const rested = scheduledRun(alone, tight.vehicles[0]!, stops);
    expect(broken(tight, left, rested!.stops)).toBe(0);
    expect(rested!.stops.some((s) => s.kind === "break")).toBe(true);
  });
});
