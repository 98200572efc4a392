import { describe, expect, it } from "vitest";
import { z } from "zod";
import { distinctListSchema } from "./lists";

const colours = distinctListSchema(z.enum(["red", "green", "blue"]), "colours", 2, "too few");

describe("distinct lists", () => {
  it("accepts distinct values and keeps their order", () => {
    expect(colours.parse(["blue", "red"])).toEqual(["blue", "red"]);
  });

  it("names each repeat at its own index", () => {
    const result = colours.safeParse(["red", "blue", "red", "red"]);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["2", 'colours lists "red" more than once'],
      ["3", 'colours lists "red" more than once'],
    ]);
  });

  it("refuses too short a list with the given message", () => {
    expect(colours.safeParse(["red"]).error?.issues.map((i) => i.message)).toEqual(["too few"]);
  });
});
