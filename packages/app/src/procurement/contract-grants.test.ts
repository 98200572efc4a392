import type { AvailabilityGrant, AvailabilityGrantInput, Contract } from "@tt/domain";
import { describe, expect, it } from "vitest";
import { endGrantsOnHandBack } from "./contract-grants";

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

const grantOf = (over: Partial<AvailabilityGrant>): AvailabilityGrant => ({
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

/** The grants store, in memory: enough of it for a hand-back. */
function memoryGrants(start: AvailabilityGrant[]) {
  const all = [...start];
  let made = 0;
  const grants = {
    listNaming: async (ids: readonly string[]) =>
      all.filter((g) => !g.withdrawn && g.vehicleIds.some((id) => ids.includes(id))),
    withdraw: async (_grantor: string, id: string) => {
      const k = all.findIndex((g) => g.id === id);
      if (k < 0) return false;
      all[k] = { ...(all[k] as AvailabilityGrant), withdrawn: true };
      return true;
    },
    create: async (grantor: string, input: AvailabilityGrantInput) => {
      made += 1;
      const grant = grantOf({ ...input, id: `new-${made}`, organisationId: grantor });
      all.push(grant);
      return grant;
    },
  };
  return { grants, running: () => all.filter((g) => !g.withdrawn) };
}

describe("a hand-back ends the operator's grants of the contract's vehicles to the buyer", () => {
  it("from the day it takes effect, keeping the grant's other vehicles and other buyers' grants", async () => {
    const both = grantOf({ id: "both", vehicleIds: ["v1", "v9"], validFrom: "2026-04-01" });
    const city = grantOf({ id: "city", granteeId: "city", vehicleIds: ["v2"] });
    const store = memoryGrants([both, city]);
    await endGrantsOnHandBack(store, contract, "2027-01-04");
    const shown = store
      .running()
      .map((g) => [g.granteeId, g.vehicleIds.join("+"), g.validFrom, g.validTo]);
    expect(shown).toEqual([
      ["city", "v2", "2026-09-01", "2027-07-31"],
      ["county", "v9", "2026-04-01", "2027-07-31"],
      ["county", "v1", "2026-04-01", "2027-01-03"],
    ]);
  });

  it("withdraws a grant that had not started by then", async () => {
    const later = grantOf({ id: "later", vehicleIds: ["v2"], validFrom: "2027-02-01" });
    const store = memoryGrants([later]);
    await endGrantsOnHandBack(store, contract, "2027-01-04");
    expect(store.running()).toEqual([]);
  });
});
