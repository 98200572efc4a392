import { describe, expect, it } from "vitest";
import { VEHICLE_KINDS } from "../fleet/vehicle";
import { emissionClassOf, getEmissionFactor, isEmissionClass } from "./emission-class";
import { EMISSION_CLASSES, EMISSION_FACTORS } from "./factors";

describe("emission factors", () => {
  it("give every vehicle kind a class with a positive factor per km", () => {
    for (const kind of VEHICLE_KINDS) {
      const factor = getEmissionFactor(emissionClassOf(kind));
      expect(factor.kgCo2ePerKm, kind).toBeGreaterThan(0);
    }
  });

  it("cite a source and a confidence for every class, and name the edition", () => {
    expect(EMISSION_FACTORS.version).toMatch(/2025/);
    expect(EMISSION_FACTORS.edition).toBe(2025);
    for (const key of EMISSION_CLASSES) {
      const factor = EMISSION_FACTORS.factors[key];
      expect(factor.source.length, key).toBeGreaterThan(20);
      expect(["verified", "secondary", "unverified", "derived"]).toContain(factor.confidence);
      expect(factor.kgCo2ePerKm, key).toBeLessThan(2);
    }
  });

  it("tag proxies as derived: DESNZ has no minibus factor", () => {
    expect(getEmissionFactor("minibus-diesel").confidence).toBe("derived");
    expect(getEmissionFactor("minibus-diesel").source).toMatch(/no minibus/);
  });

  it("order classes plausibly: electric car < car < minibus < coach", () => {
    const kg = (key: string) => getEmissionFactor(key).kgCo2ePerKm;
    expect(kg("car-battery-electric")).toBeLessThan(kg("car-average"));
    expect(kg("car-average")).toBeLessThan(kg("minibus-diesel"));
    expect(kg("minibus-diesel")).toBeLessThan(kg("coach-diesel"));
  });

  it("refuse an unknown class with an error naming it and the table version", () => {
    expect(isEmissionClass("hovercraft")).toBe(false);
    expect(() => getEmissionFactor("hovercraft")).toThrow(/"hovercraft".*desnz-2025\.1/);
  });
});
