import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  date,
  layouts,
  neutraliseFormula,
  pounds,
  restoreFormula,
  text,
  time,
  weekdays,
  yesNo,
} from "./codecs";
import { CSV_SPECS } from "./kinds";

const value = (parsed: ReturnType<typeof pounds.parse>) =>
  parsed.ok ? parsed.value : parsed.message;

describe("cell codecs", () => {
  it("reads pounds to exact pence and writes them back", () => {
    expect(["0.29", "19.9", "£1,234.57", "7", "0.07"].map((t) => value(pounds.parse(t)))).toEqual([
      29, 1990, 123457, 700, 7,
    ]);
    expect(pounds.parse("1.005").ok).toBe(false);
    expect(pounds.parse("-3").ok).toBe(false);
    expect([29, 1990, 123457, 7].map((p) => pounds.format(p))).toEqual([
      "0.29",
      "19.90",
      "1234.57",
      "0.07",
    ]);
  });

  it("reads yes/no in every spelling", () => {
    expect(
      ["Yes", "y", "TRUE", "1", "no", "N", "false", "0"].map((t) => value(yesNo.parse(t))),
    ).toEqual([true, true, true, true, false, false, false, false]);
    expect(yesNo.parse("maybe").ok).toBe(false);
  });

  it("reads dates, times, weekdays and layouts as spreadsheets write them", () => {
    expect(value(date.parse("03/09/2026"))).toBe("2026-09-03");
    expect(date.parse("31/02/2026").ok).toBe(false);
    expect(value(time.parse("8:45"))).toBe("08:45");
    expect(value(time.parse("08:45:00"))).toBe("08:45");
    expect(time.parse("24:00").ok).toBe(false);
    expect(value(weekdays.parse("Mon-Wed;friday"))).toEqual(["mon", "tue", "wed", "fri"]);
    expect(weekdays.parse("fri-mon").ok).toBe(false);
    expect(value(layouts.parse("12+2; 8+4;16"))).toEqual([
      { seats: 12, wheelchairSpaces: 2 },
      { seats: 8, wheelchairSpaces: 4 },
      { seats: 16, wheelchairSpaces: 0 },
    ]);
  });
});

describe("the CSV format guide", () => {
  const guide = readFileSync(
    fileURLToPath(new URL("../../../../../docs/guides/csv-formats.md", import.meta.url)),
    "utf8",
  );
  it("documents every column of every kind", () => {
    const missing = Object.values(CSV_SPECS)
      .flatMap((spec) => spec.columns.map((c) => c.header))
      .filter((header) => !new RegExp(`^\\|\\s*\`${header}\`\\s*\\|`, "m").test(guide));
    expect(missing).toEqual([]);
  });
});

describe("formula injection", () => {
  it("writes cells a spreadsheet would run as text, and reads them back unchanged", () => {
    for (const value of ["=1+1", '=HYPERLINK("http://x")', "+44 1223", "-cmd", "@SUM(A1)"]) {
      const cell = text.format(value);
      expect(cell.startsWith("'")).toBe(true);
      expect(text.parse(cell)).toEqual({ ok: true, value: value.trim() });
    }
  });

  it("leaves plain numbers and ordinary text alone", () => {
    expect(neutraliseFormula("-0.123")).toBe("-0.123");
    expect(neutraliseFormula("Ada")).toBe("Ada");
    expect(restoreFormula("'quoted")).toBe("'quoted");
  });
});
