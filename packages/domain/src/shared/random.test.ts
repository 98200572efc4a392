import { describe, expect, it } from "vitest";
import { Random, WeightedSampler } from "./random";

describe("seeded random numbers", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 100 }, () => [a.next(), b.next()]);
    for (const [x, y] of draws) expect(x).toBe(y);
  });

  it("gives a different sequence for a different seed", () => {
    const a = Array.from(
      { length: 10 },
      (
        (r) => () =>
          r.next()
      )(new Random(1)),
    );
    const b = Array.from(
      { length: 10 },
      (
        (r) => () =>
          r.next()
      )(new Random(2)),
    );
    expect(a).not.toEqual(b);
  });

  it("stays in range and spreads evenly", () => {
    const random = new Random(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) {
      const n = random.int(0, 3);
      counts[n] = (counts[n] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(1800);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(8000);
  });

  it("draws in proportion to weight and never a zero weight", () => {
    const sampler = new WeightedSampler(["a", "b", "c"], (x) => ({ a: 1, b: 3, c: 0 })[x] ?? 0);
    const random = new Random(3);
    const seen = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 4000; i++) seen[sampler.sample(random) as "a" | "b" | "c"]++;
    expect(seen.c).toBe(0);
    expect(seen.b / seen.a).toBeGreaterThan(2.6);
    expect(seen.b / seen.a).toBeLessThan(3.4);
  });

  it("forks independent, repeatable streams", () => {
    const x = new Random(9).fork("homes").next();
    expect(new Random(9).fork("homes").next()).toBe(x);
    expect(new Random(9).fork("fleet").next()).not.toBe(x);
  });
});
