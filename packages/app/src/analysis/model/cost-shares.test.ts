import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costShares, proportional } from "./cost-shares";
import { shapleyExact } from "./shapley";

const ABC = ["A", "B", "C"];
const game = (table: Record<string, number>) => (mask: number) =>
  table[ABC.filter((_, i) => mask & (1 << i)).join("")]!;
const total = (shares: Record<string, number>) => Object.values(shares).reduce((a, b) => a + b, 0);

describe("costShares", () => {
  // c(A)=10, c(B)=8, c(C)=6, c(AB)=14, c(AC)=13, c(BC)=11, c(ABC)=17: Shapley 7.5, 5.5, 4.
  const GAME = { A: 10, B: 8, C: 6, AB: 14, AC: 13, BC: 11, ABC: 17 };
  const standalone = { A: 10, B: 8, C: 6 };

  it("splits the pooled cost three ways, each summing to it", () => {
    const shares = costShares({
      players: ABC,
      pooledCost: 17,
      standalone,
      passengerKm: { A: 100, B: 50, C: 50 },
      shapley: shapleyExact(ABC, game(GAME)),
      method: "exact",
    });
    expect(shares.shapley.A).toBeCloseTo(7.5, 9);
    // 17 × 10/24, 17 × 8/24, 17 × 6/24
    expect(shares.proportionalToStandalone.A).toBeCloseTo(170 / 24, 9);
    expect(shares.proportionalToStandalone.C).toBeCloseTo(4.25, 9);
    // 17 × 100/200, 17 × 50/200 each
    expect(shares.perPassengerKm).toEqual({ A: 8.5, B: 4.25, C: 4.25 });
    for (const split of [shares.shapley, shares.proportionalToStandalone, shares.perPassengerKm]) {
      expect(total(split)).toBeCloseTo(17, 9);
    }
    expect(shares.shapleyMethod).toBe("exact");
    expect(shares.shapleyStandardError).toBeUndefined();
    expect(shares.paysMoreThanAlone).toEqual([]);
  });

  it("flags a funder whose Shapley share is above its standalone cost", () => {
    // A alone costs 1, but pooling all three needs an extra vehicle because of A (14 vs 10):
    // A: 1/3 × 1 + 1/6 × (11 − 10) + 1/6 × (11 − 10) + 1/3 × (14 − 10) = 2 > 1
    // B = C: 10/3 + (11 − 1)/6 + (10 − 10)/6 + (14 − 11)/3 = 6 < 10
    const costly = { A: 1, B: 10, C: 10, AB: 11, AC: 11, BC: 10, ABC: 14 };
    const shapley = shapleyExact(ABC, game(costly));
    expect(shapley.A).toBeCloseTo(2, 9);
    const shares = costShares({
      players: ABC,
      pooledCost: 14,
      standalone: { A: 1, B: 10, C: 10 },
      passengerKm: { A: 0, B: 0, C: 0 },
      shapley,
      method: "exact",
    });
    expect(shares.paysMoreThanAlone).toEqual(["A"]);
    // no passenger-km at all: an equal split
    expect(shares.perPassengerKm.B).toBeCloseTo(14 / 3, 9);
  });

  it("does not flag a share within 1p of the standalone cost", () => {
    const shares = costShares({
      players: ["A", "B"],
      pooledCost: 10,
      standalone: { A: 5, B: 6 },
      passengerKm: { A: 1, B: 1 },
      shapley: { A: 5.009, B: 4.991 },
      method: "sampled",
      standardError: { A: 0.2, B: 0.2 },
    });
    expect(shares.paysMoreThanAlone).toEqual([]);
    expect(shares.shapleyStandardError).toEqual({ A: 0.2, B: 0.2 });
  });

  it("refuses shares that do not sum to the pooled cost, and missing figures", () => {
    const base = {
      players: ["A", "B"],
      pooledCost: 10,
      standalone: { A: 5, B: 6 },
      passengerKm: { A: 1, B: 1 },
      shapley: { A: 5, B: 5 },
      method: "exact" as const,
    };
    expect(() => costShares({ ...base, pooledCost: 12 })).toThrow(
      /sum to 10\.00, not the pooled cost 12\.00/,
    );
    expect(() => costShares({ ...base, standalone: { A: 5 } })).toThrow(/standalone of funder B/);
    expect(() => costShares({ ...base, method: "sampled" })).toThrow(/standardError of funder A/);
  });
});

describe("proportional", () => {
  it("always sums to the total", () => {
    const weights = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), {
      minLength: 1,
      maxLength: 10,
    });
    fc.assert(
      fc.property(weights, fc.double({ min: 0, max: 1e7, noNaN: true }), (w, amount) => {
        const players = w.map((_, i) => `f${i}`);
        const split = proportional(
          players,
          amount,
          Object.fromEntries(players.map((p, i) => [p, w[i]!])),
        );
        expect(total(split)).toBeCloseTo(amount, 3);
        for (const p of players) expect(split[p]).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("gives the whole total to a single player of a tiny weight", () => {
    expect(proportional(["f0"], 0.0005, { f0: 5e-324 })).toEqual({ f0: 0.0005 });
    expect(total(proportional(["a", "b"], 1e7, { a: 5e-324, b: 5e-324 }))).toBe(1e7);
  });
});
