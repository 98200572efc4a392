import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type Plan, type Problem, solve } from "../src/index";
import { arbMix, MIXES } from "./arbitrary-mixes";
import { lineProblem, request, vehicle } from "./builders";

/** The problem's requests and vehicles split in two by index parity (linked legs kept together). */
function halves(p: Problem): [Problem, Problem] {
  const side = (id: string, i: number, list: readonly { id: string }[]) => {
    const r = p.requests.find((x) => x.id === id);
    const partner = r?.linkedRequest;
    // Linked legs go with the lower-numbered leg, so no link crosses the split.
    const j = partner
      ? Math.min(
          i,
          list.findIndex((x) => x.id === partner),
        )
      : i;
    return (j < 0 ? i : j) % 2;
  };
  const part = (k: number): Problem => {
    const requests = p.requests.filter((r, i) => side(r.id, i, p.requests) === k);
    const inside = new Set(requests.map((r) => r.id));
    return {
      ...p,
      // A no-sharing rule naming a request of the other part is dropped there, as a coalition does.
      requests: requests.map(({ incompatibleWith, ...r }) => {
        const kept = incompatibleWith?.filter((id) => inside.has(id)) ?? [];
        return kept.length > 0 ? { ...r, incompatibleWith: kept } : r;
      }),
      vehicles: p.vehicles.filter((_, i) => i % 2 === k),
    };
  };
  return [part(0), part(1)];
}

/** Two plans put together: every run of both. */
function union(a: Plan, b: Plan): Plan {
  return { runs: [...a.runs, ...b.runs] };
}

describe("solve from an initial plan", () => {
  it.each(MIXES)(
    "from two parts' plans put together: no violations, never worse than the parts (%s)",
    (mix) => {
      fc.assert(
        fc.property(arbMix(mix), fc.integer({ min: 0, max: 1000 }), (p, seed) => {
          const [a, b] = halves(p);
          const planA = solve(a, { seed, iterations: 20 });
          const planB = solve(b, { seed, iterations: 20 });
          const parts = evaluate(a, planA).objective + evaluate(b, planB).objective;
          const initial = union(planA, planB);
          const frozen = JSON.stringify(initial);
          const whole = solve(p, { seed, iterations: 1, initial });
          const check = evaluate(p, whole);
          expect(check.violations).toEqual([]);
          expect(check.objective).toBeLessThanOrEqual(parts + 1e-6);
          expect(JSON.stringify(initial)).toBe(frozen);
        }),
        { numRuns: 6, seed: 31 },
      );
    },
  );

  it("gives the same plan for the same seed and iterations", () => {
    const p = lineProblem(
      [request("R1", 1, 2), request("R2", 2, 3), request("R3", 4, 1)],
      [vehicle("V1"), vehicle("V2")],
    );
    const initial = solve(p, { seed: 1, iterations: 5 });
    const one = solve(p, { seed: 7, iterations: 30, initial });
    const two = solve(p, { seed: 7, iterations: 30, initial });
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
  });

  it("joins two runs given to one vehicle when one can follow the other", () => {
    const p = lineProblem(
      [
        request("AM", 1, 2, { pickup: { location: 1, service: 0, window: [0, 20] } }),
        request("PM", 3, 1, { pickup: { location: 3, service: 0, window: [500, 520] } }),
      ],
      [vehicle("V1", { costs: { fixed: 100, perDistance: 1, perHour: 0 } })],
    );
    const initial: Plan = {
      runs: [
        { vehicle: "V1", stops: [pickup("AM"), dropoff("AM")] },
        { vehicle: "V1", stops: [pickup("PM"), dropoff("PM")] },
      ],
    };
    const out = solve(p, { seed: 1, iterations: 0, initial });
    expect(out.unassigned).toEqual([]);
    expect(out.runs.map((r) => r.stops.map((s) => ("request" in s ? s.request : "")))).toEqual([
      ["AM", "AM", "PM", "PM"],
    ]);
    expect(evaluate(p, out).violations).toEqual([]);
  });

  it("drops what the problem forbids and inserts those requests again", () => {
    const p = lineProblem(
      [
        request("WC", 1, 2, { features: ["ramp"] }),
        request("LATE", 1, 3, { dropoff: { location: 3, service: 0, window: [0, 35] } }),
        request("OK", 2, 3),
      ],
      [vehicle("CAR"), vehicle("VAN", { features: ["ramp"] })],
    );
    const initial: Plan = {
      runs: [
        // A wheelchair user in a car without a ramp; a run that cannot reach LATE in time.
        { vehicle: "CAR", stops: [pickup("WC"), pickup("OK"), dropoff("OK"), dropoff("WC")] },
        {
          vehicle: "VAN",
          stops: [pickup("OK"), dropoff("OK"), pickup("LATE"), dropoff("LATE")],
        },
        { vehicle: "BUS", stops: [pickup("X"), dropoff("X")] },
      ],
    };
    const out = solve(p, { seed: 1, iterations: 10, initial });
    expect(out.unassigned).toEqual([]);
    expect(evaluate(p, out).violations).toEqual([]);
    const wc = out.runs.find((r) => r.stops.some((s) => "request" in s && s.request === "WC"));
    expect(wc?.vehicle).toBe("VAN");
  });

  it("leaves out a request picked up but not dropped off, or dropped off first", () => {
    const p = lineProblem([request("A", 1, 2), request("B", 2, 3)], [vehicle("V1")]);
    const initial: Plan = {
      runs: [{ vehicle: "V1", stops: [pickup("A"), dropoff("B"), pickup("B")] }],
    };
    const out = solve(p, { seed: 1, iterations: 1, initial });
    expect(out.unassigned).toEqual([]);
    expect(evaluate(p, out).violations).toEqual([]);
  });

  it("names what is wrong with a malformed plan", () => {
    const p = lineProblem([request("R1", 1, 2)], [vehicle("V1")]);
    const bad = (initial: unknown) => () =>
      solve(p, { seed: 1, iterations: 1, initial: initial as Plan });
    expect(bad({})).toThrow("initial plan: `runs` must be an array");
    expect(bad({ runs: [{ vehicle: 3, stops: [] }] })).toThrow("runs[0] needs a vehicle id");
    expect(bad({ runs: [{ vehicle: "V1", stops: [{ kind: "board", request: "R1" }] }] })).toThrow(
      "runs[0].stops[0] must be a pickup or dropoff",
    );
  });
});

function pickup(request: string) {
  return { kind: "pickup" as const, request };
}
function dropoff(request: string) {
  return { kind: "dropoff" as const, request };
}
