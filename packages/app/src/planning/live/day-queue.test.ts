import { describe, expect, it } from "vitest";
import { AppError } from "../../shared";
import { DayQueue } from "./day-queue";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("one change to a day at a time", () => {
  it("runs one day's work in turn, other days alongside, and goes on after a failure", async () => {
    const queue = new DayQueue();
    const seen: string[] = [];
    const work =
      (name: string, fail = false) =>
      async () => {
        seen.push(`start ${name}`);
        await tick();
        seen.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run("org", "2026-11-24", work("a", true)),
      queue.run("org", "2026-11-24", work("b")),
      queue.run("org", "2026-11-25", work("c")),
      queue.run("other", "2026-11-24", work("d")),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      "rejected",
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    // b starts only once a has ended; c and d do not wait for a.
    expect(seen.indexOf("start b")).toBeGreaterThan(seen.indexOf("end a"));
    expect(seen.indexOf("start c")).toBeLessThan(seen.indexOf("end a"));
    expect(seen.indexOf("start d")).toBeLessThan(seen.indexOf("end a"));
  });

  it("tries a change again when another process revised the plan first, and nothing else", async () => {
    const queue = new DayQueue();
    let tries = 0;
    const racing = async () => {
      tries += 1;
      if (tries < 3) throw new AppError("conflict", "Plan p has already been revised (q).");
      return "saved";
    };
    expect(await queue.change("org", "2026-11-24", racing)).toBe("saved");
    expect(tries).toBe(3);
    let other = 0;
    const refused = async () => {
      other += 1;
      throw new AppError("conflict", "The passenger is not entitled.");
    };
    await expect(queue.change("org", "2026-11-24", refused)).rejects.toThrow("not entitled");
    expect(other).toBe(1);
    let always = 0;
    const losing = async () => {
      always += 1;
      throw new AppError("conflict", "Plan p has already been revised (q).");
    };
    await expect(queue.change("org", "2026-11-24", losing)).rejects.toThrow("revised");
    expect(always).toBe(5);
  });
});
