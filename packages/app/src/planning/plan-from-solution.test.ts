import { solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import type { PlanRunStop } from "../ports";
import { buildProblem } from "./build-problem";
import { enginePlan, planFromSolution, summarise } from "./plan-from-solution";
import {
  passenger,
  straightLineTravelTimes,
  tinyRegister,
  trip,
} from "./test-support/tiny-register";

const FACTS = {
  date: "2026-11-24",
  seed: 1,
  seconds: 0,
  travelTimes: "test",
  thread: "main-thread",
};

/** The trip request a stored stop names; undefined for a break. */
const tripOf = (s: PlanRunStop) => (s.kind === "break" ? undefined : s.tripRequestId);

describe("summarise and planFromSolution", () => {
  it("counts reasons for people: engine incompatibility without an own rule is no-room", async () => {
    const needs = passenger("p01").needs;
    const register = tinyRegister({
      passengers: [passenger("p01", { needs: { ...needs, travelAlone: true } }), passenger("p02")],
      tripRequests: [trip("t01", "p01"), trip("t02", "p02"), trip("t03", "p09")],
    });
    const built = await buildProblem(register, straightLineTravelTimes);
    const solution = {
      ...solve(built.problem, { seed: 1, iterations: 10 }),
      runs: [],
      unassigned: [
        { request: "t01", reason: "incompatibility" as const, message: "" },
        { request: "t02", reason: "incompatibility" as const, message: "" },
      ],
    };
    const summary = summarise(built, solution, FACTS);
    expect(summary).toMatchObject({ requests: 3, assigned: 0, unassigned: 3 });
    expect(summary.unassignedByReason).toEqual({
      incompatibility: 1,
      "no-room": 1,
      "not-planned": 1,
    });
    const plan = planFromSolution(built, solution, summary);
    expect(plan.unassigned.map((u) => u.reason)).toEqual(["incompatibility", "incompatibility"]);
  });

  it("stores runs in pence, metres and seconds, and gives the engine's plan back", async () => {
    const built = await buildProblem(tinyRegister(), straightLineTravelTimes);
    const solution = solve(built.problem, { seed: 1, iterations: 30 });
    const plan = planFromSolution(built, solution, summarise(built, solution, FACTS));
    const run = plan.runs[0];
    const engineRun = solution.runs[0];
    expect(run?.distanceMetres).toBeCloseTo((engineRun?.distance ?? 0) * 1000);
    expect(run?.costPence).toBeCloseTo(
      ((engineRun?.cost.total ?? 0) - (engineRun?.cost.unserved ?? 0)) * 100,
    );
    expect(run?.stops.map(tripOf)).toEqual(
      engineRun?.stops.map((s) => (s.kind === "break" ? undefined : s.request)),
    );
    const stored = {
      ...plan,
      id: "p",
      organisationId: "o",
      createdAt: "",
      runs: plan.runs.map((r) => ({ ...r, id: "r" })),
    };
    expect(enginePlan(stored).runs[0]?.stops).toEqual(
      engineRun?.stops.map((s) =>
        s.kind === "break"
          ? { kind: "break", break: s.break }
          : { kind: s.kind, request: s.request },
      ),
    );
  });
});
