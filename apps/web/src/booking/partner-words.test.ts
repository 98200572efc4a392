import { describe, expect, it } from "vitest";
import { bookingPartners, foundPartnerPassengers, partnerPlanText } from "./partner-words";

const agreement = (reference: string, purposes: string[], dataItems: string[]) => ({
  id: `${reference}-id`,
  reference,
  title: reference,
  purposes,
  dataItems,
  endDate: "2027-08-31",
});

describe("the partners the desk books for", () => {
  it("are those with a booking agreement sharing identity and trips", () => {
    const list = {
      items: [
        {
          organisationId: "o1",
          name: "Peterborough City Council",
          kind: "council",
          agreements: [agreement("DSA-3", ["booking"], ["identity", "trips", "travel-needs"])],
        },
        {
          organisationId: "o2",
          name: "Cambridgeshire County Council",
          kind: "council",
          agreements: [agreement("DSA-1", ["analysis", "integrated-planning"], ["trips"])],
        },
        {
          organisationId: "o3",
          name: "Fen Edge",
          kind: "local-consortium",
          agreements: [agreement("DSA-4", ["booking"], ["identity"])],
        },
      ],
    } as Parameters<typeof bookingPartners>[0];
    const partners = bookingPartners(list);
    expect(partners).toEqual([{ id: "o1", name: "Peterborough City Council", agreement: "DSA-3" }]);
    expect(partnerPlanText(partners[0]!, 4)).toBe(
      "It is in Peterborough City Council's operating plan, revision 4, booked under agreement DSA-3.",
    );
  });

  it("lists a partner's passengers by the name and reference the agreement shares", () => {
    const page = {
      items: [
        { id: "p1", pseudonymised: false, reference: "PCC-1", givenName: "Amira", familyName: "K" },
      ],
      total: 1,
      offset: 0,
      limit: 10,
    } as Parameters<typeof foundPartnerPassengers>[0];
    expect(foundPartnerPassengers(page)).toEqual([
      { id: "p1", reference: "PCC-1", name: "Amira K" },
    ]);
  });
});
