import { describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadLocalities } from "./load-localities";
import { insideDemoBox, unique } from "./test-helpers";
import { DEMO_DISTRICT_CODES } from "./types";

const localities = await loadLocalities(defaultDataDir());

describe("loadLocalities", () => {
  it("loads the locality gazetteer", () => {
    expect(localities.length).toBe(435);
    expect(unique(localities.map((l) => l.nptgLocalityCode))).toBe(true);
  });

  it("places every locality in the demo area and a district", () => {
    expect(localities.filter((l) => !insideDemoBox(l)).map((l) => l.name)).toEqual([]);
    for (const l of localities) expect(DEMO_DISTRICT_CODES).toContain(l.districtCode);
  });

  it("finds the main towns", () => {
    const names = new Set(localities.map((l) => l.name));
    for (const town of ["Ely", "Wisbech", "March", "Huntingdon", "St Ives", "St Neots"]) {
      expect(names.has(town), town).toBe(true);
    }
  });
});
