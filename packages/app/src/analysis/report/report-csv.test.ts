import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../test-support/sample-report";
import { REPORT_TABLES, reportCsv } from "./report-csv";

const read = (text: string | undefined) => parse(text ?? "") as string[][];

describe("reportCsv", () => {
  it("writes one CSV per table", () => {
    const files = reportCsv(sampleReport());
    expect(Object.keys(files)).toEqual(REPORT_TABLES.map((t) => `${t}.csv`));
  });

  it("lists each funder silo and pooled, then the totals, with unassigned by reason", () => {
    const rows = read(reportCsv(sampleReport())["metrics.csv"]);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ["funder", "plan"],
      ["'=cmd", "silo"],
      ["'=cmd", "pooled"],
      ["nhs", "silo"],
      ["nhs", "pooled"],
      ["all", "silo"],
      ["all", "pooled"],
    ]);
    const header = rows[0] ?? [];
    const nhsSilo = rows[3] ?? [];
    expect(nhsSilo[header.indexOf("vehicles_used")]).toBe("3");
    expect(nhsSilo[header.indexOf("unassigned_by_reason")]).toBe("time-window 2");
    expect(nhsSilo[header.indexOf("co2e_kg")]).toBe("60");
  });

  it("neutralises cells a spreadsheet would run, and keeps negative numbers", () => {
    const report = sampleReport();
    const withLoss = { ...report, savings: { ...report.savings, cost: -12.5 } };
    const files = reportCsv(withLoss);
    expect(read(files["shares.csv"])[1]?.[0]).toBe("'=cmd");
    expect(read(files["savings.csv"])[1]).toEqual(["cost_pounds", "690", "460", "-12.5", "33.3"]);
    expect(files["coalitions.csv"]).toContain("'=cmd+nhs");
  });

  it("writes peak vehicles by slot with one column per series", () => {
    const rows = read(reportCsv(sampleReport())["peak-vehicles.csv"]);
    expect(rows[0]).toEqual(["slot", "'=cmd", "nhs", "pooled"]);
    expect(rows[2]).toEqual(["08:00", "2", "3", "3"]);
  });
});
