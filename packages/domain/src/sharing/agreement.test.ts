import { describe, expect, it } from "vitest";
import { agreementInputSchema } from "./agreement";

const county = "7d1a9c8e-3f1b-4c1e-9a53-1b2c3d4e5f60";
const icb = "0b6e2f4a-8c7d-4e5f-a1b2-c3d4e5f6a7b8";
const operator = "5c4b3a29-1807-4f6e-8d5c-4b3a29180706";

const base = {
  reference: "DSA-1",
  title: "County and ICB integrated planning",
  providers: [county],
  recipients: [icb],
  purposes: ["integrated-planning", "booking"],
  dataItems: ["identity", "home-location", "travel-needs", "trips"],
  lawfulBasis: { article6: "public-task" },
  startDate: "2026-04-01",
  reviewDate: "2027-03-01",
  endDate: "2028-03-31",
};

const issues = (input: unknown) =>
  agreementInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("agreement input", () => {
  it("accepts a plain agreement without health data", () => {
    expect(agreementInputSchema.parse(base).dataItems).toEqual(base.dataItems);
  });

  it("refuses empty and repeated lists, naming the repeat", () => {
    expect(issues({ ...base, providers: [], purposes: ["booking", "booking"] })).toEqual([
      ["providers", "name at least 1 provider"],
      ["purposes.1", 'purposes lists "booking" more than once'],
    ]);
    expect(issues({ ...base, dataItems: ["trips", "diagnosis"] })?.[0]?.[0]).toBe("dataItems.1");
  });

  it("refuses an organisation that is both provider and recipient, naming it", () => {
    expect(issues({ ...base, recipients: [operator, county] })).toEqual([
      [
        "recipients.1",
        `organisation "${county}" is both a provider and a recipient: an organisation does not need an agreement with itself`,
      ],
    ]);
  });

  it("keeps start, review and end dates in order", () => {
    expect(issues({ ...base, reviewDate: "2026-03-31" })).toEqual([
      ["reviewDate", "reviewDate must not be before startDate"],
    ]);
    expect(issues({ ...base, endDate: "2027-02-28" })).toEqual([
      ["endDate", "endDate must not be before reviewDate"],
    ]);
    expect(issues({ ...base, reviewDate: "2026-03-01", endDate: "2026-03-02" })).toEqual([
      ["reviewDate", "reviewDate must not be before startDate"],
      ["endDate", "endDate must not be before startDate"],
    ]);
    const oneDay = { startDate: "2026-04-01", reviewDate: "2026-04-01", endDate: "2026-04-01" };
    expect(agreementInputSchema.safeParse({ ...base, ...oneDay }).success).toBe(true);
  });

  it("requires an Article 9 condition and Caldicott approval for health detail", () => {
    const health = { ...base, dataItems: ["identity", "health-detail"] };
    expect(issues(health)).toEqual([
      [
        "lawfulBasis.article9",
        "health-detail is special category data: name the Article 9 condition in lawfulBasis.article9",
      ],
      [
        "caldicottApproval",
        "health-detail needs the Caldicott guardian's approval: give caldicottApproval (guardianName, approvedOn)",
      ],
    ]);
    const approved = {
      ...health,
      lawfulBasis: { article6: "public-task", article9: "health-or-social-care" },
      caldicottApproval: { guardianName: "Dr A Guardian", approvedOn: "2026-03-15" },
    };
    expect(agreementInputSchema.safeParse(approved).success).toBe(true);
  });

  it("does not treat travel needs as health data", () => {
    const needs = { ...base, dataItems: ["travel-needs"] };
    expect(agreementInputSchema.safeParse(needs).success).toBe(true);
  });
});
