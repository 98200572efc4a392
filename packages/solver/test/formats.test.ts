import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  benchmarkAnswer,
  evaluate,
  type Plan,
  parseCordeau,
  parseLiLim,
  solve,
} from "../src/index";
import { hasShared, sharedBenchmarks } from "./shared-data";

const lilimDir = path.join(sharedBenchmarks, "pdptw-lilim");

/** Turns a SINTEF route file (`Route k : task task ...`) into a plan. */
function sintefPlan(
  text: string,
  pickupOf: Map<number, string>,
  dropOf: Map<number, string>,
): Plan {
  const runs = text
    .split(/\r?\n/)
    .filter((l) => l.startsWith("Route"))
    .map((line, k) => ({
      vehicle: `v${k + 1}`,
      stops: line
        .split(":")[1]!
        .trim()
        .split(/\s+/)
        .map(Number)
        .map((task) =>
          pickupOf.has(task)
            ? { kind: "pickup" as const, request: pickupOf.get(task)! }
            : { kind: "dropoff" as const, request: dropOf.get(task)! },
        ),
    }));
  return { runs };
}

describe.skipIf(!hasShared)("benchmark formats", () => {
  it("parses a Cordeau instance: n requests, K vehicles, pairing i -> n+i, ride limit L", () => {
    const p = parseCordeau(
      readFileSync(path.join(sharedBenchmarks, "darp-cordeau", "b2-16.txt"), "utf8"),
    );
    expect(p.requests).toHaveLength(16);
    expect(p.vehicles).toHaveLength(2);
    expect(p.locations).toHaveLength(34);
    expect(p.requests[4]!.dropoff.location).toBe(21);
    expect(p.requests[4]!.maxRideTime?.absolute).toBe(45);
    expect(p.requests[4]!.pickup.service).toBe(p.requests[4]!.load[0]);
    expect(p.vehicles[0]!.end).toBe(33);
  });

  it("evaluates every Li & Lim best-known solution as feasible at its published distance", () => {
    const files = readdirSync(path.join(lilimDir, "bks-solutions"));
    expect(files.length).toBe(56);
    for (const file of files) {
      const name = file.split(".")[0]!;
      const cost = Number(file.slice(file.indexOf("_") + 1, -4));
      const p = parseLiLim(
        readFileSync(path.join(lilimDir, "instances-100", `${name}.txt`), "utf8"),
      );
      const pickupOf = new Map(p.requests.map((r) => [r.pickup.location, r.id]));
      const dropOf = new Map(p.requests.map((r) => [r.dropoff.location, r.id]));
      const e = evaluate(
        p,
        sintefPlan(
          readFileSync(path.join(lilimDir, "bks-solutions", file), "utf8"),
          pickupOf,
          dropOf,
        ),
      );
      expect(e.violations, name).toEqual([]);
      expect(e.unserved, name).toEqual([]);
      expect(Math.abs(e.distance - cost), name).toBeLessThan(1e-3);
    }
  });

  it("answers in the instance's own node numbering, every node once, with the Euclidean cost", () => {
    const p = parseCordeau(
      readFileSync(path.join(sharedBenchmarks, "darp-cordeau", "a2-16.txt"), "utf8"),
    );
    const s = solve(p, { seed: 3, iterations: 300 });
    const a = benchmarkAnswer(p, s);
    expect(a.unassigned).toEqual([]);
    expect(a.routes.flat().sort((x, y) => x - y)).toEqual(
      Array.from({ length: 32 }, (_, i) => i + 1),
    );
    expect(a.cost).toBeCloseTo(evaluate(p, s).distance, 9);
    expect(a.cost).toBeGreaterThan(294.24);
  });
});
