import { describe, expect, it } from "vitest";
import { readStoredPlanPart, storedKeptProblemSchema, type TravelTimeProvider } from "../ports";
import { buildProblem } from "./build-problem";
import { keepProblem, RestoredProblems, restoreProblem } from "./kept-problem";
import { tinyRegister, straightLineTravelTimes as travel } from "./test-support/tiny-register";

const part = { planId: "p", part: "Problem" };

describe("a Problem kept with its plan", () => {
  it("keeps a small Problem whole", async () => {
    const built = await buildProblem(tinyRegister(), travel);
    const kept = keepProblem(built, travel.name);
    expect(kept).toEqual({
      kind: "whole",
      problem: built.problem,
      at: { travelTimes: travel.name, points: built.points },
    });
    expect(await restoreProblem(kept, travel)).toBe(built.problem);
  });

  it("keeps a large one without its matrices and makes the same Problem again from its points", async () => {
    const built = await buildProblem(tinyRegister(), travel);
    const kept = keepProblem(built, travel.name, 2);
    expect(kept.kind).toBe("points");
    expect(JSON.stringify(kept)).not.toContain("matrices");
    // Stored as JSON and read back, as the plan store does.
    const stored = readStoredPlanPart(
      storedKeptProblemSchema,
      JSON.parse(JSON.stringify(kept)),
      part,
    );
    expect(await restoreProblem(stored, travel)).toEqual(built.problem);
  });

  it("refuses to make it again with other travel times, naming both", async () => {
    const built = await buildProblem(tinyRegister(), travel);
    const other: TravelTimeProvider = { ...travel, name: "osrm" };
    await expect(restoreProblem(keepProblem(built, travel.name, 2), other)).rejects.toThrow(
      /made with the .* travel times and the server now uses osrm/,
    );
  });

  it("refuses a stored form out of shape, naming the plan", () => {
    const broken = { kind: "points", problem: { locations: [{ id: "a" }] }, at: { points: [] } };
    expect(() => readStoredPlanPart(storedKeptProblemSchema, broken, part)).toThrow(/p/);
  });

  it("keeps the Problems made whole again for the plans used most recently", async () => {
    const built = await buildProblem(tinyRegister(), travel);
    const kept = keepProblem(built, travel.name, 2);
    const reads: string[] = [];
    const read = (plan: string) => async () => {
      reads.push(plan);
      return { keptBy: plan, kept, additions: [] };
    };
    const problems = new RestoredProblems(travel, 2);
    expect((await problems.get("org", "a", read("a")))?.whole()).toEqual(built.problem);
    await problems.get("org", "a", read("a"));
    await problems.get("org", "b", read("b"));
    await problems.get("org", "a", read("a"));
    // A third plan pushes out the one used least recently (b), not a.
    await problems.get("org", "c", read("c"));
    await problems.get("org", "a", read("a"));
    await problems.get("org", "b", read("b"));
    // Another organisation's plan of the same id is its own entry.
    await problems.get("other", "a", read("other a"));
    expect(reads).toEqual(["a", "b", "c", "b", "other a"]);
  });

  it("gives a revision its original's Problem without reading it", async () => {
    const built = await buildProblem(tinyRegister(), travel);
    const problems = new RestoredProblems(travel);
    const kept = keepProblem(built, travel.name);
    const original = await problems.get("org", "a", async () => ({
      keptBy: "a",
      kept,
      additions: [],
    }));
    problems.share("org", "a", "a2");
    const never = async () => {
      throw new Error("read again");
    };
    expect(await problems.get("org", "a2", never)).toBe(original);
  });

  it("does not keep a failure: the next get reads again", async () => {
    const problems = new RestoredProblems(travel);
    let reads = 0;
    const failing = async () => {
      reads += 1;
      throw new Error("database unavailable");
    };
    await expect(problems.get("org", "a", failing)).rejects.toThrow("unavailable");
    await expect(problems.get("org", "a", failing)).rejects.toThrow("unavailable");
    expect(reads).toBe(2);
  });
});
