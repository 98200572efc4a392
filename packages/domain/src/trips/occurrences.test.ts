import { describe, expect, it } from "vitest";
import { occursOn, weekdayOf } from "./occurrences";

describe("recurring patterns", () => {
  const schoolRun = {
    kind: "recurring" as const,
    weekdays: ["mon", "wed"] as ("mon" | "wed")[],
    from: "2026-09-01",
    to: "2027-07-20",
  };

  it("knows the weekday of a date", () => {
    expect(weekdayOf("2026-11-23")).toBe("mon");
    expect(weekdayOf("2026-11-22")).toBe("sun");
  });

  it("occurs on listed weekdays inside the validity dates only", () => {
    expect(occursOn(schoolRun, "2026-11-23")).toBe(true);
    expect(occursOn(schoolRun, "2026-11-24")).toBe(false);
    expect(occursOn(schoolRun, "2026-08-31")).toBe(false);
  });

  it("skips holidays outside term periods", () => {
    const terms = [{ start: "2026-09-03", end: "2026-10-23" }];
    expect(occursOn(schoolRun, "2026-10-26", terms)).toBe(false);
    expect(occursOn(schoolRun, "2026-10-21", terms)).toBe(true);
  });

  it("matches a one-off request on its own date only", () => {
    const oneOff = { kind: "one-off" as const, date: "2026-12-01" };
    expect(occursOn(oneOff, "2026-12-01")).toBe(true);
    expect(occursOn(oneOff, "2026-12-02")).toBe(false);
  });
});
