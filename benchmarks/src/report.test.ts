import { describe, expect, it } from "vitest";
import { type ResultRow, summarise, toCsv, toMarkdown } from "./report";

const row = (instance: string, gap: number, vehicles: number, bksVehicles?: number): ResultRow => ({
  instance,
  seed: 1,
  cost: 100 + gap,
  bks: 100,
  gap,
  vehicles,
  bksVehicles,
  unassigned: 0,
  violations: 0,
  iterations: 10,
  seconds: 1,
});

describe("bench report", () => {
  it("averages gaps and counts runs at the best-known vehicle count", () => {
    const s = summarise([row("a", 1, 10, 10), row("b", 3, 11, 10)]);
    expect(s.meanGap).toBe(2);
    expect(s.bksVehicleHits).toBe(1);
    expect(s.meanGapSameVehicles).toBe(1);
    expect(s.feasibleComplete).toBe(2);
  });

  it("writes one CSV line per run", () => {
    const csv = toCsv([row("a2-16", 0.5, 2)]);
    expect(csv.split("\n")[1]).toBe("a2-16,1,100.5000,100.0000,0.500,2,,0,0,10,1.00");
  });

  it("marks a report written part-way as incomplete, and a finished one not", () => {
    const machine = { cpu: "cpu", cores: 2, node: "v20", platform: "linux" };
    const rows = [row("a2-16", 0.5, 2)];
    const partial = toMarkdown("cordeau", rows, machine, "npm run bench", 3);
    expect(partial).toContain("**incomplete**: 1 of 3 runs finished");
    expect(toMarkdown("cordeau", rows, machine, "npm run bench", 1)).not.toContain("incomplete");
    expect(toMarkdown("cordeau", rows, machine, "npm run bench")).not.toContain("incomplete");
  });
});
