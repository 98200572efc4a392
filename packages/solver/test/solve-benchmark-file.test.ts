import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type BenchmarkAnswer, type Solution, solveBenchmarkFile } from "../src/index";
import { hasShared, sharedBenchmarks } from "./shared-data";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("solveBenchmarkFile", () => {
  it("solves a JSON problem into a Solution, identically for the same seed", () => {
    const text = readFileSync(path.join(here, "scenarios", "fixed-cost", "problem.json"), "utf8");
    const a = solveBenchmarkFile(text, "json", { seed: 4, iterations: 50 }) as Solution;
    const b = solveBenchmarkFile(text, "json", { seed: 4, iterations: 50 }) as Solution;
    expect(a.version).toBe(1);
    expect(a.runs).toHaveLength(1);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it.skipIf(!hasShared)("answers a Li & Lim file in its own task numbering", () => {
    const text = readFileSync(
      path.join(sharedBenchmarks, "pdptw-lilim", "instances-100", "lc101.txt"),
      "utf8",
    );
    const a = solveBenchmarkFile(text, "lilim", { seed: 1, iterations: 200 }) as BenchmarkAnswer;
    expect(a.unassigned).toEqual([]);
    expect(a.routes.flat().sort((x, y) => x - y)).toEqual(
      Array.from({ length: 106 }, (_, i) => i + 1),
    );
    expect(a.vehicles).toBe(a.routes.length);
    expect(a.cost).toBeGreaterThan(828.93);
  });

  it("rejects an invalid JSON problem with the field named", () => {
    expect(() => solveBenchmarkFile('{"version":1}', "json", { seed: 1, iterations: 1 })).toThrow(
      /dimensions/,
    );
  });
});
