import { describe, expect, it } from "vitest";
import type { Agreement } from "./agreement";
import {
  agreementCovers,
  agreementWarnings,
  checkTransition,
  coveredItems,
  findCoveringAgreement,
  missingApprovals,
  type SharingAccess,
} from "./agreement-rules";

const COUNTY = "county";
const CITY = "city";
const ICB = "icb";
const OPERATOR = "operator";

const approval = (organisationId: string) => ({
  organisationId,
  userId: `${organisationId}-dpo`,
  approvedAt: "2026-03-20T10:00:00Z",
});

function agreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: "a-1",
    organisationId: COUNTY,
    createdAt: "2026-03-01T09:00:00Z",
    updatedAt: "2026-03-01T09:00:00Z",
    reference: "DSA-1",
    title: "Integrated planning",
    providers: [COUNTY, CITY],
    recipients: [ICB],
    purposes: ["integrated-planning", "booking"],
    dataItems: ["identity", "travel-needs", "trips"],
    lawfulBasis: { article6: "public-task" },
    startDate: "2026-04-01",
    reviewDate: "2027-03-01",
    endDate: "2028-03-31",
    status: "active",
    approvals: [approval(COUNTY), approval(CITY), approval(ICB)],
    purposesVersion: 1,
    ...overrides,
  };
}

const access: SharingAccess = {
  provider: COUNTY,
  recipient: ICB,
  purpose: "booking",
  dataItem: "trips",
  on: "2026-09-03",
};

describe("missingApprovals", () => {
  it("lists every party that has not approved, providers first", () => {
    const draft = agreement({ status: "draft", approvals: [approval(CITY)] });
    expect(missingApprovals(draft)).toEqual([COUNTY, ICB]);
    expect(missingApprovals(agreement())).toEqual([]);
  });

  it("never counts one party's approval for another, nor an outsider's", () => {
    const draft = agreement({
      status: "draft",
      approvals: [approval(ICB), { ...approval(OPERATOR), userId: "county-dpo" }],
    });
    expect(missingApprovals(draft)).toEqual([COUNTY, CITY]);
  });
});

describe("checkTransition", () => {
  it("activates a draft only when every party has approved, naming the missing ones", () => {
    expect(checkTransition(agreement({ status: "draft" }), "active")).toEqual({ ok: true });
    expect(checkTransition(agreement({ status: "draft", approvals: [] }), "active")).toEqual({
      ok: false,
      reason:
        "The agreement cannot become active until these organisations approve it: county, city, icb.",
    });
  });

  it("will not activate health data without the Caldicott guardian's approval", () => {
    const health = agreement({ status: "draft", dataItems: ["health-detail"] });
    const check = checkTransition(health, "active");
    expect(check).toEqual({
      ok: false,
      reason: "It shares health detail, which needs the Caldicott guardian's approval first.",
    });
    const approved = {
      ...health,
      caldicottApproval: { guardianName: "Dr G", approvedOn: "2026-03-01" },
    };
    expect(checkTransition(approved, "active").ok).toBe(true);
  });

  it("suspends an active agreement and re-activates it only with approvals complete", () => {
    expect(checkTransition(agreement(), "suspended")).toEqual({ ok: true });
    expect(checkTransition(agreement({ status: "suspended" }), "active")).toEqual({ ok: true });
    const withdrawn = agreement({ status: "suspended", approvals: [approval(COUNTY)] });
    expect(checkTransition(withdrawn, "active").ok).toBe(false);
  });

  it("ends any agreement that has not ended, and keeps ended final", () => {
    for (const status of ["draft", "active", "suspended"] as const) {
      expect(checkTransition(agreement({ status }), "ended")).toEqual({ ok: true });
    }
    for (const to of ["draft", "active", "suspended", "ended"] as const) {
      expect(checkTransition(agreement({ status: "ended" }), to).ok).toBe(false);
    }
    expect(checkTransition(agreement({ status: "ended" }), "active")).toEqual({
      ok: false,
      reason: "An ended agreement is final: make a new agreement instead.",
    });
  });

  it("refuses staying put and the moves the lifecycle does not have", () => {
    expect(checkTransition(agreement(), "active")).toEqual({
      ok: false,
      reason: "The agreement is already active.",
    });
    expect(checkTransition(agreement({ status: "draft" }), "suspended")).toEqual({
      ok: false,
      reason: "A draft agreement cannot become suspended.",
    });
    expect(checkTransition(agreement(), "draft").ok).toBe(false);
  });
});

describe("agreementCovers", () => {
  it("covers an active agreement's parties, purposes and items within its dates", () => {
    expect(agreementCovers(agreement(), access)).toBe(true);
    expect(agreementCovers(agreement(), { ...access, provider: CITY, on: "2026-04-01" })).toBe(
      true,
    );
    expect(agreementCovers(agreement(), { ...access, on: "2028-03-31" })).toBe(true);
  });

  it("covers nothing outside its dates or unless active", () => {
    expect(agreementCovers(agreement(), { ...access, on: "2026-03-31" })).toBe(false);
    expect(agreementCovers(agreement(), { ...access, on: "2028-04-01" })).toBe(false);
    for (const status of ["draft", "suspended", "ended"] as const) {
      expect(agreementCovers(agreement({ status }), access)).toBe(false);
    }
  });

  it("covers only the named direction, purpose and item", () => {
    expect(agreementCovers(agreement(), { ...access, provider: ICB, recipient: COUNTY })).toBe(
      false,
    );
    expect(agreementCovers(agreement(), { ...access, recipient: OPERATOR })).toBe(false);
    expect(agreementCovers(agreement(), { ...access, purpose: "finance" })).toBe(false);
    expect(agreementCovers(agreement(), { ...access, dataItem: "health-detail" })).toBe(false);
  });
});

describe("coveredItems and findCoveringAgreement", () => {
  const planning = agreement({ id: "a-2", reference: "DSA-2" });
  const contact = agreement({
    id: "a-1",
    reference: "DSA-1",
    purposes: ["booking"],
    dataItems: ["contact", "trips"],
  });
  const suspended = agreement({ id: "a-3", reference: "DSA-0", status: "suspended" });

  it("unites the items of every covering agreement", () => {
    const { dataItem: _, ...request } = access;
    expect([...coveredItems([planning, contact, suspended], request)].sort()).toEqual([
      "contact",
      "identity",
      "travel-needs",
      "trips",
    ]);
    expect(coveredItems([planning, contact], { ...request, purpose: "finance" }).size).toBe(0);
  });

  it("returns the covering agreement with the lowest reference", () => {
    expect(findCoveringAgreement([planning, contact, suspended], access)).toBe(contact);
    expect(findCoveringAgreement([planning, contact], { ...access, dataItem: "identity" })).toBe(
      planning,
    );
    expect(findCoveringAgreement([suspended], access)).toBeUndefined();
  });
});

describe("agreementWarnings", () => {
  const dates = { reviewDate: "2026-10-01", endDate: "2026-10-31" };

  it("warns of a review due within 30 days and of an end within 30 days", () => {
    expect(agreementWarnings(agreement(dates), "2026-08-31")).toEqual([]);
    expect(agreementWarnings(agreement(dates), "2026-09-01")).toEqual([
      {
        kind: "review-due",
        date: "2026-10-01",
        message: "Agreement DSA-1 is due for review on 2026-10-01, in 30 days.",
      },
    ]);
    expect(agreementWarnings(agreement(dates), "2026-10-01").map((w) => w.message)).toEqual([
      "Agreement DSA-1 is due for review on 2026-10-01, today.",
      "Agreement DSA-1 ends on 2026-10-31, in 30 days: renew it or let it end.",
    ]);
  });

  it("says when a review is overdue", () => {
    expect(agreementWarnings(agreement(dates), "2026-10-30")).toEqual([
      {
        kind: "review-overdue",
        date: "2026-10-01",
        message: "Agreement DSA-1 was due for review on 2026-10-01, 29 days ago.",
      },
      {
        kind: "ending",
        date: "2026-10-31",
        message: "Agreement DSA-1 ends on 2026-10-31, in 1 day: renew it or let it end.",
      },
    ]);
  });

  it("says only that the end date passed while the agreement is still active or suspended", () => {
    expect(agreementWarnings(agreement({ ...dates, status: "suspended" }), "2026-11-01")).toEqual([
      {
        kind: "ended-by-date",
        date: "2026-10-31",
        message:
          "Agreement DSA-1 passed its end date on 2026-10-31 but is still suspended: end it, or agree a new one.",
      },
    ]);
    expect(agreementWarnings(agreement({ ...dates, status: "draft" }), "2026-11-01")).toEqual([]);
  });

  it("has nothing to say about an ended agreement and refuses a malformed today", () => {
    expect(agreementWarnings(agreement({ ...dates, status: "ended" }), "2026-10-30")).toEqual([]);
    expect(() => agreementWarnings(agreement(), "30/10/2026")).toThrow(RangeError);
  });
});
