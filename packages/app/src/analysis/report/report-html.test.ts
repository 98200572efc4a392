import { solve } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../test-support/sample-report";
import { syntheticScenario } from "../test-support/synthetic-scenario";
import { reportHtml } from "./report-html";
import { mapRuns } from "./report-map";

const square = {
  features: [
    {
      properties: { LAD22NM: "Fenland & <Co>" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [-0.1, 52.1],
            [0.4, 52.1],
            [0.4, 52.4],
            [-0.1, 52.4],
            [-0.1, 52.1],
          ],
        ],
      },
    },
  ],
};

describe("reportHtml", () => {
  it("is one page that needs nothing else: no scripts, no links, no fetched files", () => {
    const html = reportHtml({ report: sampleReport() });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|\ssrc=|\shref=|url\(/i);
    expect(html).toContain("<style>");
  });

  it("escapes every text from the data", () => {
    const html = reportHtml({ report: sampleReport() });
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Sample &lt;county&gt;");
    expect(html).toContain("Formula &amp; Co");
  });

  it("gives charts titles and descriptions and tables captions", () => {
    const html = reportHtml({ report: sampleReport() });
    const charts = html.match(/<svg /g) ?? [];
    expect(charts.length).toBe(5);
    expect((html.match(/<svg[^>]*aria-labelledby="([^"]+)"/g) ?? []).length).toBe(5);
    expect((html.match(/<table>/g) ?? []).length).toBe((html.match(/<caption>/g) ?? []).length);
    expect(html).toContain("Vehicles out by time of day");
    expect(html).toContain("no violations");
  });

  it("warns when a plan broke a rule", () => {
    const html = reportHtml({ report: { ...sampleReport(), violations: 3 } });
    expect(html).toContain("found 3 violations");
  });

  it("draws the pooled runs over the districts when given the plan and positions", () => {
    const scenario = syntheticScenario();
    const solution = solve(scenario.problem, { seed: 1, iterations: 20 });
    const pooled = { problem: scenario.problem, solution };
    const runs = mapRuns(scenario, pooled);
    const report = { ...sampleReport(), funders: scenario.funders };
    const html = reportHtml({ report, runs, boundaries: square });
    expect(html).toContain("<h2>Pooled runs</h2>");
    expect(html).toContain('class="district"><title>Fenland &amp; &lt;Co&gt;</title>');
    const used = solution.runs.filter((r) => r.stops.length > 0).length;
    expect((html.match(/class="run"/g) ?? []).length).toBe(used);
    expect(html).toMatch(/runs carrying more than one funder/);
  });
});
