import { describe, expect, it } from "vitest";
import {
  MAX_PENCE,
  multiLineTextSchema,
  nameSchema,
  penceSchema,
  plainTextSchema,
} from "./schemas";
import { dateOfBirthSchema, isoDateSchema, todayIsoDate } from "./time-of-day";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("pence", () => {
  it("accepts sums above 32 bits up to £1,000,000,000 and refuses more", () => {
    expect(penceSchema.parse(2_147_483_648)).toBe(2_147_483_648);
    expect(penceSchema.parse(MAX_PENCE)).toBe(100_000_000_000);
    expect(messages(penceSchema.safeParse(MAX_PENCE + 1))).toEqual([
      "must be at most 100000000000 pence (£1,000,000,000)",
    ]);
  });
});

describe("text without control characters", () => {
  it("refuses NUL and other C0 controls in one-line text", () => {
    for (const bad of ["Ann\u0000", "A\u0007nn", "Ann\nLee", "Ann\tLee", "Ann\u007f"]) {
      expect(messages(nameSchema.safeParse(bad))).toEqual(["must not contain control characters"]);
      expect(plainTextSchema(20).safeParse(bad).success).toBe(false);
    }
    expect(nameSchema.parse(" Ann Lee ")).toBe("Ann Lee");
  });

  it("lets multi-line text keep tabs and line breaks, but never NUL", () => {
    const address = multiLineTextSchema(100);
    expect(address.parse("1 High St\r\nEly\tCambs")).toBe("1 High St\r\nEly\tCambs");
    expect(address.safeParse("1 High St\u0000").success).toBe(false);
    expect(address.safeParse("1 High St\u001b[31m").success).toBe(false);
  });
});

describe("dates", () => {
  it("refuses dates before 1900 or after 2199", () => {
    expect(isoDateSchema.parse("1900-01-01")).toBe("1900-01-01");
    expect(messages(isoDateSchema.safeParse("1899-12-31"))).toEqual([
      "must be between 1900-01-01 and 2199-12-31",
    ]);
    expect(isoDateSchema.safeParse("2200-01-01").success).toBe(false);
    expect(messages(isoDateSchema.safeParse("2026-02-30"))).toEqual([
      'expected a date "YYYY-MM-DD", e.g. "2026-09-03"',
    ]);
  });

  it("refuses a date of birth in the future, but not today", () => {
    expect(dateOfBirthSchema.parse(todayIsoDate())).toBe(todayIsoDate());
    expect(messages(dateOfBirthSchema.safeParse("2099-01-01"))).toEqual([
      "must not be in the future",
    ]);
    expect(dateOfBirthSchema.safeParse("1850-06-01").success).toBe(false);
  });
});
