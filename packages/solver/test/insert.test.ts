import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, insert, insertionCosts, type Plan, solve } from "../src/index";
import { arbProblem } from "./arbitrary";
import { lineProblem, request, vehicle } from "./builders";

const order = (plan: Plan, skip: string) =>
  Object.fromEntries(
    plan.runs.map((r) => [
      r.vehicle,
      r.stops.flatMap((s) =>
        s.kind === "break" || s.request === skip ? [] : [`${s.kind}:${s.request}`],
      ),
    ]),
  );

describe("insert", () => {
  it("predicts the exact cost change, keeps every other stop in order (breaks may move) and breaks nothing", () => {
    fc.assert(
      fc.property(arbProblem, fc.integer({ min: 0, max: 100 }), (p, seed) => {
        const newcomer = p.requests[p.requests.length - 1]!;
        const base = {
          ...p,
          requests: p.requests.slice(0, -1).map((r) => ({ ...r, linkedRequest: undefined })),
        };
        const cleaned = {
          ...p,
          requests: [
            ...base.requests.map((r) => ({
              ...r,
              incompatibleWith: r.incompatibleWith?.filter((x) => x !== newcomer.id),
            })),
            newcomer,
          ],
        };
        const before = solve(
          { ...base, requests: cleaned.requests.slice(0, -1) },
          { seed, iterations: 20 },
        );
        const out = insert(cleaned, before, newcomer);
        // Every vehicle's cheapest insertion, cheapest first: the first is insert()'s own.
        const costs = insertionCosts(cleaned, before, newcomer);
        expect(costs.map((c) => c.addedCost)).toEqual(
          [...costs.map((c) => c.addedCost)].sort((a, b) => a - b),
        );
        if (out.ok) expect(costs[0]?.addedCost).toBeCloseTo(out.addedCost, 9);
        else expect(costs).toEqual([]);
        const ev0 = evaluate(cleaned, before);
        if (!out.ok) {
          expect(out.message.length).toBeGreaterThan(0);
          return;
        }
        const ev1 = evaluate(cleaned, out.solution);
        expect(ev1.violations).toEqual([]);
        expect(ev1.unserved).not.toContain(newcomer.id);
        const penalty = cleaned.requests.length > 0 ? (newcomer.penalty ?? 1e7) : 0;
        expect(ev1.objective - ev0.objective).toBeCloseTo(out.addedCost - penalty, 4);
        const was = order(before, newcomer.id);
        const now = order(out.solution, newcomer.id);
        for (const [v, stops] of Object.entries(was)) expect(now[v]).toEqual(stops);
      }),
      { numRuns: 80, seed: 9 },
    );
  });

  it("refuses with a reason when no vehicle can take the request", () => {
    const p = lineProblem([request("a", 1, 2)], [vehicle("v1")]);
    const plan = solve(p, { seed: 1, iterations: 10 });
    const out = insert(p, plan, request("chair", 1, 2, { features: ["wheelchair-lift"] }));
    expect(out).toEqual({
      ok: false,
      reason: "features",
      message: "no vehicle has wheelchair-lift",
    });
  });

  it("puts a same-day request on the run that passes by", () => {
    const p = lineProblem(
      [request("a", 1, 3)],
      [vehicle("v1"), vehicle("v2", { start: 4, end: 4 })],
    );
    const plan = solve(p, { seed: 1, iterations: 10 });
    const out = insert(p, plan, request("b", 1, 2));
    expect(out.ok && out.vehicle).toBe(plan.runs[0]!.vehicle);
    expect(out.ok && out.addedCost).toBeCloseTo(0);
  });
});
