import { describe, expect, it } from "vitest";
import { parseArgs, parseSeeds } from "./args";

describe("bench arguments", () => {
  it("reads seed ranges and lists", () => {
    expect(parseSeeds("1..4")).toEqual([1, 2, 3, 4]);
    expect(parseSeeds("3,7")).toEqual([3, 7]);
    expect(() => parseSeeds("x")).toThrow(/not an integer/);
  });

  it("requires a budget and a known set", () => {
    expect(() => parseArgs(["--set", "cordeau"])).toThrow(/time-limit/);
    expect(() => parseArgs(["--set", "solomon", "--time-limit", "1"])).toThrow(/cordeau or lilim/);
    const a = parseArgs([
      "--set",
      "lilim",
      "--time-limit",
      "3",
      "--seeds",
      "1..2",
      "--instances",
      "lc101, lr201",
    ]);
    expect(a).toMatchObject({
      set: "lilim",
      timeLimit: 3,
      seeds: [1, 2],
      instances: ["lc101", "lr201"],
    });
  });
});
