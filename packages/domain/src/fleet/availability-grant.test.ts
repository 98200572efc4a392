import { describe, expect, it } from "vitest";
import {
  availabilityGrantInputSchema,
  grantAppliesOn,
  grantWindowsOverlap,
} from "./availability-grant";

const ID = "00000000-0000-4000-8000-000000000001";
const window = {
  weekdays: ["mon", "tue", "wed", "thu", "fri"] as ("mon" | "tue" | "wed" | "thu" | "fri")[],
  startTime: "07:00",
  endTime: "10:00",
  validFrom: "2026-09-01",
  validTo: "2027-07-31",
};

describe("availability grants", () => {
  it("overlap only where dates, a weekday and hours all meet", () => {
    expect(grantWindowsOverlap(window, { ...window, startTime: "09:59", endTime: "12:00" })).toBe(
      true,
    );
    // Back to back is not an overlap: the morning ends as the afternoon starts.
    expect(grantWindowsOverlap(window, { ...window, startTime: "10:00", endTime: "15:00" })).toBe(
      false,
    );
    expect(grantWindowsOverlap(window, { ...window, weekdays: ["sat"] })).toBe(false);
    const later = { ...window, validFrom: "2027-08-01", validTo: "2027-12-31" };
    expect(grantWindowsOverlap(window, later)).toBe(false);
  });

  it("apply on their weekdays between their dates, unless withdrawn", () => {
    expect(grantAppliesOn(window, "2026-11-24")).toBe(true);
    expect(grantAppliesOn(window, "2026-11-22")).toBe(false);
    expect(grantAppliesOn(window, "2027-08-02")).toBe(false);
    expect(grantAppliesOn({ ...window, withdrawn: true }, "2026-11-24")).toBe(false);
  });

  it("refuse hours and dates in the wrong order and a vehicle listed twice", () => {
    const result = availabilityGrantInputSchema.safeParse({
      ...window,
      granteeId: ID,
      vehicleIds: [ID, ID],
      startTime: "10:00",
      endTime: "07:00",
      validTo: "2026-01-01",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toContain("vehicleIds");
  });
});
