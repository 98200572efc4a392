import type { IntegrationScenario } from "@tt/app";
import { isEmissionClass } from "@tt/domain";
import { createGeometricProvider } from "@tt/integrations";
import { validateProblem } from "@tt/solver";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SERVICES } from "../scenario-types";
import { loadTestGeography } from "../test-support/test-geography";
import { buildDemoIntegrationScenario, DEMO_INTEGRATION_DATE } from "./scenario";
import { siloFunders } from "./scenario-fleet";

let scenario: IntegrationScenario;
let market: IntegrationScenario;

beforeAll(async () => {
  const geography = await loadTestGeography();
  scenario = await buildDemoIntegrationScenario(createGeometricProvider(), { geography });
  market = await buildDemoIntegrationScenario(createGeometricProvider(), {
    geography,
    siloFleets: "market",
  });
}, 240_000);

describe("buildDemoIntegrationScenario", () => {
  it("plans the demo Tuesday for Cambridgeshire and the ICB, at most six funders", () => {
    expect(scenario.date).toBe(DEMO_INTEGRATION_DATE);
    const keys = scenario.funders.map((f) => f.key);
    expect(keys.length).toBeLessThanOrEqual(6);
    expect(keys).toContain("icb-nepts");
    expect(keys).toContain("ccc-send");
    expect(keys.every((k) => k.startsWith("ccc-") || k.startsWith("icb-"))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("tags every request with a funder of the scenario and a demo service", () => {
    const funders = new Set(scenario.funders.map((f) => f.key));
    const services: readonly string[] = DEMO_SERVICES;
    expect(Object.keys(scenario.requests).sort()).toEqual(
      scenario.problem.requests.map((r) => r.id).sort(),
    );
    for (const tag of Object.values(scenario.requests)) {
      expect(funders.has(tag.funder), tag.funder).toBe(true);
      expect(services).toContain(tag.service);
    }
  });

  it("tags every vehicle with its silo funder and an emission class", () => {
    const funders = new Set(scenario.funders.map((f) => f.key));
    expect(Object.keys(scenario.vehicles).sort()).toEqual(
      scenario.problem.vehicles.map((v) => v.id).sort(),
    );
    for (const [id, tag] of Object.entries(scenario.vehicles)) {
      expect(tag.funders.length, id).toBeGreaterThan(0);
      for (const f of tag.funders) expect(funders.has(f), `${id}: ${f}`).toBe(true);
      expect(isEmissionClass(tag.emissionClass), tag.emissionClass).toBe(true);
    }
  });

  it("gives every funder demand and a silo fleet", () => {
    for (const { key } of scenario.funders) {
      const requests = Object.values(scenario.requests).filter((t) => t.funder === key);
      const vehicles = Object.values(scenario.vehicles).filter((t) => t.funders.includes(key));
      expect(requests.length, key).toBeGreaterThan(0);
      expect(vehicles.length, key).toBeGreaterThan(0);
    }
  });

  it("builds a valid problem, with a rounded position for every location", () => {
    const result = validateProblem(scenario.problem);
    expect(result.ok ? [] : result.issues.slice(0, 5)).toEqual([]);
    const positions = scenario.positions ?? [];
    expect(positions.length).toBe(scenario.problem.locations.length);
    scenario.problem.locations.forEach((location, i) => {
      if (!location.id.startsWith("home:")) return;
      const [lon, lat] = positions[i] ?? [Number.NaN, Number.NaN];
      expect(Math.round(lon * 100) / 100, location.id).toBe(lon);
      expect(Math.round(lat * 100) / 100, location.id).toBe(lat);
    });
  });

  it("shares each fleet line between funders by its pattern, and names a vehicle it has no rule for", () => {
    const v = (reference: string) => ({ reference }) as Parameters<typeof siloFunders>[0][number];
    const silo = siloFunders(["RT-T-01", "RT-T-02", "RT-T-03", "WC-MB-05", "LPT-A-01"].map(v));
    expect([...silo.values()]).toEqual(["ccc-send", "ccc-p16", "ccc-send", "ccc-hts", "icb-nepts"]);
    expect(() => siloFunders([v("XX-01")])).toThrow(/XX-01/);
  });

  it("as a market, opens every vehicle to every funder's silo", () => {
    const keys = market.funders.map((f) => f.key).sort();
    for (const v of market.problem.vehicles) {
      expect([...(market.vehicles[v.id]?.funders ?? [])].sort(), v.id).toEqual(keys);
    }
  });

  it("by default gives each vehicle to one silo by contract: the pooled fleet holds each once", () => {
    const perFunder = scenario.funders.map(
      ({ key }) => Object.values(scenario.vehicles).filter((t) => t.funders.includes(key)).length,
    );
    expect(perFunder.reduce((a, b) => a + b, 0)).toBe(scenario.problem.vehicles.length);
    expect(perFunder.every((n) => n > 0)).toBe(true);
  });
});
