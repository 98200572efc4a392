import { describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadBusStops } from "./load-bus-stops";
import { insideDemoBox, unique } from "./test-helpers";

const stops = await loadBusStops(defaultDataDir());

describe("loadBusStops", () => {
  it("loads the active on-street stops, each ATCO code once", () => {
    expect(stops.length).toBe(4660);
    expect(unique(stops.map((s) => s.atcoCode))).toBe(true);
  });

  it("places every stop in the demo area", () => {
    expect(stops.filter((s) => !insideDemoBox(s)).map((s) => s.atcoCode)).toEqual([]);
  });

  it("finds stops in the market towns", () => {
    const localities = new Set(stops.map((s) => s.locality));
    for (const town of ["Ely", "Wisbech", "March", "Huntingdon", "St Neots", "Peterborough"]) {
      expect(localities.has(town), town).toBe(true);
    }
  });
});
