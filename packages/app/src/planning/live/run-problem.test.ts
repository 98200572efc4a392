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
import { scheduledRun } from "./run-problem";

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
});
