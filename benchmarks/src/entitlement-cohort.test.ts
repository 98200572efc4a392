import { isSuitable } from "@tt/domain";
import { defaultDataDir, loadLsoas, loadSchools } from "@tt/integrations";
import { describe, expect, it } from "vitest";
import { generatePupils, registerFromDerivedSchools } from "./entitlement-cohort";

describe("entitlement benchmark cohort", () => {
  it("is the same for the same seed, and every pupil attends a suitable school", async () => {
    const register = registerFromDerivedSchools(await loadSchools(defaultDataDir()));
    const lsoas = await loadLsoas(defaultDataDir());
    const a = generatePupils(500, lsoas, register);
    expect(generatePupils(500, lsoas, register)).toEqual(a);
    expect(generatePupils(500, lsoas, register, 7)).not.toEqual(a);
    expect(a).toHaveLength(500);
    for (const pupil of a) {
      const school = register.find((s) => s.id === pupil.registeredSchoolId);
      expect(school && isSuitable(pupil, school)).toBe(true);
    }
    expect(register.every((s) => s.phase !== "unknown")).toBe(true);
  });
});
