import { describe, expect, it } from "vitest";
import { parseArgs, parseSeeds, selectInstances } from "./args";

describe("bench arguments", () => {
  it("reads seed ranges and lists", () => {
    expect(parseSeeds("1..4")).toEqual([1, 2, 3, 4]);
    expect(parseSeeds("3,7")).toEqual([3, 7]);
    expect(() => parseSeeds("x")).toThrow(/not an integer/);
    expect(() => parseSeeds("1,")).toThrow(/not an integer/);
    expect(() => parseSeeds("4..2")).toThrow(/empty range/);
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

  it("refuses unknown flags, missing values and budgets that are not positive numbers", () => {
    expect(() => parseArgs(["--instance", "a2-16", "--time-limit", "1"])).toThrow(
      /unknown argument "--instance"/,
    );
    expect(() => parseArgs(["--time-limit", "--seeds", "1"])).toThrow(/--time-limit needs a value/);
    expect(() => parseArgs(["--time-limit"])).toThrow(/needs a value/);
    expect(() => parseArgs(["--time-limit", "ten"])).toThrow(/positive number, got "ten"/);
    expect(() => parseArgs(["--iterations", "0"])).toThrow(/positive number/);
    expect(() => parseArgs(["--iterations", "2.5"])).toThrow(/whole number/);
    expect(() => parseArgs(["--time-limit", "1", "--time-limit", "2"])).toThrow(/given twice/);
  });
});

describe("instance selection", () => {
  const available = ["a2-16", "a2-20", "b2-16"];

  it("runs every instance when none is named, else exactly the named ones in order", () => {
    expect(selectInstances("cordeau", undefined, available)).toEqual(available);
    expect(selectInstances("cordeau", ["b2-16", "a2-16"], available)).toEqual(["b2-16", "a2-16"]);
  });

  it("fails before any run, naming every unknown instance and listing the valid names", () => {
    const attempt = () => selectInstances("cordeau", ["a2-16", "a2-61", "b9-99"], available);
    expect(attempt).toThrow(
      /unknown cordeau instances a2-61, b9-99; valid names: a2-16, a2-20, b2-16/,
    );
    expect(() => selectInstances("lilim", ["lc1O1"], ["lc101"])).toThrow(
      /unknown lilim instance lc1O1;/,
    );
    expect(() => selectInstances("cordeau", ["a2-16", "a2-16"], available)).toThrow(/twice/);
  });
});
