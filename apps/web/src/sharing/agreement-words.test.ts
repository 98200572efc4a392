import type { AgreementViewBody } from "@tt/contract";
import { describe, expect, it } from "vitest";
import {
  lawfulBasisInWords,
  listInWords,
  longDate,
  permitsInWords,
  statusTag,
} from "./agreement-words";

const COUNCIL = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";
const PARTNERSHIP = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e12";

function view(overrides: Partial<AgreementViewBody["agreement"]> = {}): AgreementViewBody {
  return {
    agreement: {
      id: "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e13",
      organisationId: COUNCIL,
      createdAt: "2026-08-01T00:00:00.000Z",
      updatedAt: "2026-08-01T00:00:00.000Z",
      reference: "TFC-DSA-001",
      title: "Pooled planning",
      providers: [COUNCIL],
      recipients: [PARTNERSHIP],
      purposes: ["analysis", "integrated-planning"],
      dataItems: ["trips", "home-location", "travel-needs"],
      lawfulBasis: { article6: "public-task" },
      startDate: "2026-09-01",
      reviewDate: "2027-03-01",
      endDate: "2027-08-31",
      status: "active",
      purposesVersion: 1,
      approvals: [],
      ...overrides,
    },
    missingApprovals: [],
    warnings: [],
    parties: [
      { id: COUNCIL, name: "Cambridgeshire County Council", kind: "council" },
      { id: PARTNERSHIP, name: "Transport for Cambridgeshire", kind: "partnership" },
    ],
  };
}

describe("an agreement in plain words", () => {
  it("says who shares what with whom, why and until when, and what is not shared", () => {
    expect(permitsInWords(view())).toEqual([
      "Cambridgeshire County Council shares trips, home locations and travel needs of its passengers with Transport for Cambridgeshire for analysis and integrated planning, from 1 September 2026 until 31 August 2027.",
      "Not shared: identity, contact details and health detail.",
      "For analysis, passengers are pseudonymised (no names or references) and homes are rounded to the centre of their 500 m square.",
      "It is active: access is checked against it on every read, and every read is recorded in the provider's audit log.",
    ]);
  });

  it("says that nothing is shared until a draft is approved and activated", () => {
    const draft = { ...view({ status: "draft", purposes: ["booking"] }) };
    const waiting = { ...draft, missingApprovals: [PARTNERSHIP] };
    const words = permitsInWords(waiting);
    expect(words[0]).toMatch(/^When active, Cambridgeshire County Council shares/);
    expect(words.at(-1)).toBe(
      "It is a draft: nothing is shared until Transport for Cambridgeshire approves it and it is activated.",
    );
    expect(permitsInWords(draft).at(-1)).toContain("every party has approved");
    expect(permitsInWords(view({ status: "suspended" })).at(-1)).toContain("suspended");
    expect(permitsInWords(view({ status: "ended" })).at(-1)).toContain("nothing is shared");
  });

  it("names statuses, lists, dates and lawful bases as people write them", () => {
    expect(statusTag("suspended")).toEqual({
      text: "Suspended",
      className: "govuk-tag govuk-tag--orange",
    });
    expect(listInWords(["a"])).toBe("a");
    expect(listInWords(["a", "b", "c"], "or")).toBe("a, b or c");
    expect(longDate("2027-03-01")).toBe("1 March 2027");
    expect(lawfulBasisInWords({ article6: "public-task", article9: "health-or-social-care" })).toBe(
      "Art. 6(1)(e) public task; Art. 9(2)(h) health or social care",
    );
    expect(lawfulBasisInWords({ article6: "unknown" })).toBe("unknown");
  });
});
