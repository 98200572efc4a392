import type { AgreementViewBody, ApiUser } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { actsFor } from "./agreement-actions";

const MINE = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";
const THEIRS = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e12";

const user = (role: ApiUser["role"]): ApiUser => ({
  id: "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e14",
  organisationId: MINE,
  email: "someone@example.gov.uk",
  displayName: "Someone",
  role,
});

function view(
  status: AgreementViewBody["agreement"]["status"],
  missingApprovals: string[],
): AgreementViewBody {
  return {
    agreement: {
      id: "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e13",
      organisationId: THEIRS,
      createdAt: "2026-08-01T00:00:00.000Z",
      updatedAt: "2026-08-01T00:00:00.000Z",
      reference: "DSA-1",
      title: "Booking",
      providers: [THEIRS],
      recipients: [MINE],
      purposes: ["booking"],
      dataItems: ["identity"],
      lawfulBasis: { article6: "public-task" },
      startDate: "2026-09-01",
      reviewDate: "2027-03-01",
      endDate: "2027-08-31",
      status,
      purposesVersion: 1,
      approvals: [],
    },
    missingApprovals,
    warnings: [],
    parties: [],
  };
}

describe("what an administrator may do with an agreement", () => {
  it("approves for their own organisation, activates once every party approved, ends", () => {
    expect(actsFor(view("draft", [THEIRS, MINE]), user("admin"))).toEqual(["approve", "ended"]);
    expect(actsFor(view("draft", [THEIRS]), user("admin"))).toEqual(["ended"]);
    expect(actsFor(view("suspended", []), user("admin"))).toEqual(["active", "ended"]);
  });

  it("suspends or ends an active agreement, and does nothing with an ended one", () => {
    expect(actsFor(view("active", []), user("admin"))).toEqual(["suspended", "ended"]);
    expect(actsFor(view("ended", []), user("admin"))).toEqual([]);
  });

  it("offers nothing to other roles: only administrators act for their organisation", () => {
    for (const role of ["commissioner", "finance", "auditor"] as const) {
      expect(actsFor(view("draft", [MINE]), user(role))).toEqual([]);
    }
  });
});
