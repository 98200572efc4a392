import type { AvailabilityGrant, Contract } from "@tt/domain";
import { describe, expect, it } from "vitest";
import { vehiclesLeaving } from "./contract-grants";

const contract: Contract = {
  id: "c1",
  buyerId: "county",
  operatorId: "firm",
  reference: "C-1",
  title: "Mornings",
  funderIds: [],
  price: { basis: "per-day", pence: 18_500 },
  vehicleIds: ["v1", "v2"],
  runs: [],
  startsOn: "2026-09-01",
  endsOn: "2027-07-31",
  breakDates: [],
  status: "active",
  createdAt: "2026-08-01T00:00:00Z",
  updatedAt: "2026-08-01T00:00:00Z",
};

const grant = (over: Partial<AvailabilityGrant>): AvailabilityGrant => ({
  id: "g",
  organisationId: "firm",
  granteeId: "county",
  vehicleIds: ["v1"],
  weekdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
  startTime: "00:00",
  endTime: "23:59",
  validFrom: "2026-09-01",
  validTo: "2027-07-31",
  funderIds: [],
  withdrawn: false,
  createdAt: "2026-08-01T00:00:00Z",
  updatedAt: "2026-08-01T00:00:00Z",
  ...over,
});

const reposWith = (grants: AvailabilityGrant[]) => ({
  grants: {
    listNaming: async (ids: readonly string[]) =>
      grants.filter((g) => g.vehicleIds.some((id) => ids.includes(id))),
  },
});

describe("the vehicles a hand-back takes out of the buyer's plans", () => {
  it("takes out those the contract brought, not one the buyer keeps under another grant", async () => {
    const made = grant({ id: "made", vehicleIds: ["v1", "v2"] });
    const own = grant({
      id: "own",
      vehicleIds: ["v2"],
      validFrom: "2026-04-01",
      validTo: "2027-03-31",
    });
    const repos = reposWith([made, own]);
    expect(await vehiclesLeaving(repos, contract, "2027-01-04")).toEqual(["v1"]);
    // That other grant over by then keeps nothing.
    expect(await vehiclesLeaving(repos, contract, "2027-04-01")).toEqual(["v1", "v2"]);
    // Another organisation's grant keeps nothing for the buyer.
    const elsewhere = reposWith([made, grant({ id: "x", granteeId: "city", vehicleIds: ["v2"] })]);
    expect(await vehiclesLeaving(elsewhere, contract, "2027-01-04")).toEqual(["v1", "v2"]);
  });
});
