import { evaluate, solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import type { StoredPartnership } from "../ports";
import { buildProblem } from "./build-problem";
import { type DayMixingRepositories, mixDay } from "./day-mixing";
import {
  tinyRegister,
  straightLineTravelTimes as travel,
  trip,
} from "./test-support/tiny-register";

/** A pupil to school and an adult to a day centre, at the same time from next door. */
const register = tinyRegister({
  tripRequests: [trip("pupil", "p01"), trip("adult", "p02", { purpose: "adult-day-service" })],
});

function reposWith(partnerships: readonly string[]): DayMixingRepositories {
  const memberships: StoredPartnership[] = partnerships.map((mixingPolicy, i) => ({
    organisationId: `partnership-${i}`,
    name: `Partnership ${i}`,
    mixingPolicy,
    members: [],
  }));
  const stub = { listMemberships: async () => memberships };
  const funders = {
    findByIds: async () => [{ id: "funder", kind: "home-to-school" }],
  };
  return { sharing: stub, funders } as unknown as DayMixingRepositories;
}

/** Whether the pupil and the adult are ever on board one vehicle at once. */
function rideTogether(solution: ReturnType<typeof solve>): boolean {
  return solution.runs.some((run) => {
    const onBoard = new Set<string>();
    return run.stops.some((stop) => {
      if (stop.kind === "break") return false;
      if (stop.kind === "pickup") onBoard.add(stop.request);
      else onBoard.delete(stop.request);
      return onBoard.has("pupil") && onBoard.has("adult");
    });
  });
}

describe("a day plan's mixing policy", () => {
  it("is none outside a partnership: the Problem is left as it is", async () => {
    const { problem } = await buildProblem(register, travel);
    const mixed = await mixDay(reposWith([]), "org", register, problem);
    expect(mixed).toEqual({ problem });
  });

  it("is the partnership's: a pupil and an adult on a care trip never ride together", async () => {
    const { problem } = await buildProblem(register, travel);
    expect(rideTogether(solve(problem, { seed: 1, iterations: 200 }))).toBe(true);

    const mixed = await mixDay(reposWith(["2026-1", "2026-1"]), "org", register, problem);
    expect(mixed.mixingPolicy).toBe("2026-1");
    const [pupil, adult] = mixed.problem.requests;
    expect(pupil?.groups).toContain("service:mainstream-school");
    expect(pupil?.incompatibleGroups).toContain("service:adult-day-service");
    expect(adult?.groups).toContain("service:adult-day-service");
    const apart = solve(mixed.problem, { seed: 1, iterations: 200 });
    expect(evaluate(mixed.problem, apart).violations).toEqual([]);
    expect(apart.unassigned).toEqual([]);
    expect(rideTogether(apart)).toBe(false);
  });
});
