import { describe, expect, it } from "vitest";
import { defaultDataDir } from "./data-dir";
import { loadSchools } from "./load-schools";
import { insideDemoBox, unique } from "./test-helpers";
import { SCHOOL_PHASES } from "./types";

const schools = await loadSchools(defaultDataDir());

describe("loadSchools", () => {
  it("loads a plausible number of derived school points", () => {
    expect(schools.length).toBeGreaterThanOrEqual(50);
    expect(schools.length).toBeLessThanOrEqual(300);
    expect(schools.every((s) => s.derived)).toBe(true);
    expect(unique(schools.map((s) => s.id))).toBe(true);
    expect(unique(schools.map((s) => s.name))).toBe(true);
  });

  it("places every school inside the demo area", () => {
    expect(schools.filter((s) => !insideDemoBox(s)).map((s) => s.name)).toEqual([]);
  });

  it("uses each NaPTAN stop for at most one school", () => {
    expect(unique(schools.flatMap((s) => s.basisAtcoCodes))).toBe(true);
  });

  it("recognises phases from the names", () => {
    expect(schools.every((s) => SCHOOL_PHASES.includes(s.phase))).toBe(true);
    const count = (phase: string) => schools.filter((s) => s.phase === phase).length;
    expect(count("primary")).toBeGreaterThanOrEqual(10);
    expect(count("secondary")).toBeGreaterThanOrEqual(10);
    expect(count("post-16")).toBeGreaterThanOrEqual(3);
    for (const s of schools) {
      if (/village college|academy|grammar/i.test(s.name))
        expect(s.phase, s.name).toBe("secondary");
      if (/primary|infant|junior/i.test(s.name)) expect(s.phase, s.name).toBe("primary");
      if (/sixth form/i.test(s.name)) expect(s.phase, s.name).toBe("post-16");
      expect(s.phase === "unknown", s.name).toBe(s.phaseKeyword === "");
    }
  });

  it("leaves out streets and university colleges named like schools", () => {
    const names = schools.map((s) => s.name).join("\n");
    expect(names).not.toMatch(/\b(Lane|Road|Street|Close|Drive|Farm|House)$/m);
    expect(names).not.toMatch(/\b(Downing|Jesus|Selwyn|Robinson|Fitzwilliam|Christ's) College\b/);
    expect(names).toMatch(/Bottisham Village College/);
    expect(names).toMatch(/Hills Road Sixth Form College/);
  });
});
