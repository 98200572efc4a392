import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSet } from "./args";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedBenchmarks = path.resolve(repoRoot, "../shared/benchmarks");

export interface Bks {
  readonly cost: number;
  readonly vehicles: number | undefined;
}

const folder = (set: BenchSet): string =>
  set === "cordeau"
    ? path.join(sharedBenchmarks, "darp-cordeau")
    : path.join(sharedBenchmarks, "pdptw-lilim");

export function instanceFile(set: BenchSet, name: string): string {
  return set === "cordeau"
    ? path.join(folder(set), `${name}.txt`)
    : path.join(folder(set), "instances-100", `${name}.txt`);
}

export function listInstances(set: BenchSet): string[] {
  const dir = set === "cordeau" ? folder(set) : path.join(folder(set), "instances-100");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** Reads `bks.csv` (instance,bks_cost,bks_vehicles,source); the quoted source column is ignored. */
export function readBks(set: BenchSet): Map<string, Bks> {
  const text = readFileSync(path.join(folder(set), "bks.csv"), "utf8");
  const out = new Map<string, Bks>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [name, cost, vehicles] = line.split(",");
    if (!name || !cost) continue;
    out.set(name, { cost: Number(cost), vehicles: vehicles ? Number(vehicles) : undefined });
  }
  return out;
}
