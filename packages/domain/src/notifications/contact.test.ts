import { describe, expect, it } from "vitest";
import { contactInputSchema, maskedAddress, normaliseUkMobile } from "./contact";

describe("contacts", () => {
  it("writes UK mobiles one way and refuses landlines and foreign numbers", () => {
    expect(normaliseUkMobile("07700 900123")).toBe("+447700900123");
    expect(normaliseUkMobile("+44 7700-900123")).toBe("+447700900123");
    expect(normaliseUkMobile("0044 7700 900 123")).toBe("+447700900123");
    expect(normaliseUkMobile("01223 123456")).toBeUndefined();
    expect(normaliseUkMobile("+33 6 12 34 56 78")).toBeUndefined();
    expect(normaliseUkMobile("0770090012")).toBeUndefined();
  });

  it("checks the address against its channel and names the field", () => {
    const email = contactInputSchema.parse({
      channel: "email",
      address: " Parent@Example.ORG ",
      relationship: "parent",
      name: "Sam Ellis",
    });
    expect(email.address).toBe("parent@example.org");
    const bad = contactInputSchema.safeParse({
      channel: "sms",
      address: "parent@example.org",
      relationship: "parent",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["address"]);
    expect(bad.error?.issues[0]?.message).toMatch(/UK mobile/);
    const unknown = contactInputSchema.safeParse({
      channel: "fax",
      address: "x",
      relationship: "uncle",
    });
    expect(unknown.error?.issues.map((i) => i.path[0]).sort()).toEqual(["channel", "relationship"]);
  });

  it("masks addresses for lists", () => {
    expect(maskedAddress("sms", "+447700900123")).toBe("+44•••••123");
    expect(maskedAddress("email", "parent@example.org")).toBe("pa•••@example.org");
  });
});
