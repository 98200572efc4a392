import { describe, expect, it } from "vitest";
import { syntheticScenario } from "../test-support/synthetic-scenario";
import { parseIntegrationScenario } from "./scenario-schema";

/** The scenario as a file would hold it. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    return (error as { details: { path: string; message: string }[] }).details;
  }
  throw new Error("expected the scenario to be refused");
}

describe("parseIntegrationScenario", () => {
  it("accepts a valid scenario as written to a file", () => {
    const parsed = parseIntegrationScenario(asJson(syntheticScenario()));
    expect(parsed.funders.map((f) => f.key)).toEqual(["council-send", "nhs-nepts", "council-drt"]);
    expect(parsed.problem.requests).toHaveLength(12);
  });

  it("names the field of each problem", () => {
    const file = asJson(syntheticScenario());
    const requests = file.requests as Record<string, { funder: string }>;
    (requests["r0-1"] as { funder: string }).funder = "nobody";
    const vehicles = file.vehicles as Record<string, { emissionClass: string }>;
    (vehicles["v-b"] as { emissionClass: string }).emissionClass = "rocket";
    file.date = "2026-02-30";
    const paths = issuesOf(() => parseIntegrationScenario(file)).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["date", "vehicles.v-b.emissionClass"]));
    const again = asJson(syntheticScenario());
    (again.requests as Record<string, { funder: string }>)["r0-1"] = {
      funder: "nobody",
      service: "drt",
    } as never;
    expect(issuesOf(() => parseIntegrationScenario(again))).toEqual([
      expect.objectContaining({
        path: "requests.r0-1.funder",
        message: expect.stringContaining("nobody"),
      }),
    ]);
  });

  it("checks the problem with the engine's validator and the policy against the services", () => {
    const file = asJson(syntheticScenario());
    (file.problem as Record<string, unknown>).objective = "fastest";
    expect(issuesOf(() => parseIntegrationScenario(file))[0]?.path).toBe("problem.objective");
    const policy = { version: "x", rules: [{ services: ["drt", "ghost"], reason: "no" }] };
    const issues = issuesOf(() => parseIntegrationScenario(asJson(syntheticScenario()), policy));
    expect(issues[0]?.message).toContain('unknown service "ghost"');
  });
});
