import { describe, expect, it } from "vitest";
import { monthsBefore, retentionInputSchema, retentionSchedule } from "./retention";

describe("retention schedule", () => {
  it("counts whole months back, to the month's last day when it is shorter", () => {
    expect(monthsBefore("2026-12-06", 72)).toBe("2020-12-06");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-02-28");
    expect(monthsBefore("2026-01-15", 3)).toBe("2025-10-15");
  });

  it("is a dry run unless told otherwise, and takes a council's own periods", () => {
    const input = retentionInputSchema.parse({ months: { "finished-jobs": 6 } });
    expect(input.dryRun).toBe(true);
    const schedule = retentionSchedule(input);
    expect(schedule.find((r) => r.category === "finished-jobs")?.months).toBe(6);
    expect(schedule.find((r) => r.category === "inactive-passengers")?.months).toBe(72);
    expect(schedule.find((r) => r.category === "audit-log")?.months).toBeNull();
  });

  it("refuses periods too short to be a schedule, and the audit log's", () => {
    expect(retentionInputSchema.safeParse({ months: { "inactive-passengers": 1 } }).success).toBe(
      false,
    );
    expect(retentionInputSchema.safeParse({ months: { "audit-log": 12 } }).success).toBe(false);
  });
});
