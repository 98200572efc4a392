import { describe, expect, it } from "vitest";
import {
  commitmentInWords,
  delegationFieldIds,
  readDelegation,
  spendInWords,
} from "./delegation-words";

const square = '{"type":"Polygon","coordinates":[[[0,52],[0.1,52],[0.1,52.1],[0,52]]]}';

describe("delegation words", () => {
  it("reads the council's form, pounds into pence and a pasted GeoJSON feature into its geometry", () => {
    const read = readDelegation({
      consortiumId: "c",
      financialYear: " 2026/27 ",
      budget: "£250,000",
      area: `{"type":"Feature","properties":{},"geometry":${square}}`,
    });
    expect(read).toEqual({
      ok: true,
      body: {
        consortiumId: "c",
        financialYear: "2026/27",
        budgetPence: 25_000_000,
        area: JSON.parse(square),
      },
    });
  });

  it("names the fields wrong, linked to them", () => {
    const read = readDelegation({ consortiumId: "", financialYear: "", budget: "lots", area: "{" });
    expect(read.ok ? [] : read.problems.map((p) => p.href)).toEqual([
      "#delegation-consortium",
      "#delegation-budget",
      "#delegation-area",
    ]);
    expect(delegationFieldIds(["area.coordinates.0", "budgetPence"])).toEqual({
      "area.coordinates.0": "delegation-area",
      budgetPence: "delegation-budget",
    });
  });

  it("puts the spend in words", () => {
    expect(
      spendInWords({ budgetPence: 3_000_000, committedPence: 2_812_000, remainingPence: 188_000 }),
    ).toBe("£28,120.00 committed of £30,000.00: £1,880.00 remaining");
    expect(commitmentInWords({ counted: true, days: 152, pence: 2_812_000 })).toBe(
      "152 weekdays, £28,120.00",
    );
    expect(commitmentInWords({ counted: false, reason: "priced per-mile" })).toBe(
      "Not counted: priced per-mile",
    );
  });
});
