import { describe, expect, it } from "vitest";
import { createRng } from "../src/rng";
import { Budget, Phase } from "../src/stop/budget";

describe("rng", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it("draws integers in [0, n)", () => {
    const r = createRng(1);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("budget", () => {
  it("ends on iterations or on the injected clock, whichever comes first", () => {
    let now = 0;
    const b = new Budget({ iterations: 10, timeLimit: 1, clock: () => now });
    const second = new Phase(b, 0.5, 1);
    b.iterations = 4;
    expect(b.done()).toBe(false);
    expect(second.progress()).toBe(0);
    now = 1000;
    expect(b.done()).toBe(true);
    expect(second.done()).toBe(true);
  });

  it("refuses a time limit without a clock, and no budget at all", () => {
    expect(() => new Budget({ timeLimit: 1 })).toThrow(/clock/);
    expect(() => new Budget({})).toThrow(/iterations/);
  });
});
