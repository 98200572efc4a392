import { describe, expect, it } from "vitest";
import {
  type Contract,
  contractCosts,
  contractInputSchema,
  findContractMoveRefusal,
  isContractInForce,
  KM_PER_MILE,
  lastContractDay,
  MILEAGE_RATE_DEFAULT,
  proposeAlignment,
  schoolYearEnd,
} from "./contract";

const OPERATOR = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";

const input = {
  operatorId: OPERATOR,
  reference: "C-101",
  title: "Ely schools, morning and afternoon",
  funderIds: [],
  price: { basis: "per-day", pence: 18_500 },
  vehicleIds: [],
  runs: ["SCH-12 AM"],
  startsOn: "2026-09-01",
  endsOn: "2027-08-31",
  breakDates: ["2027-04-01"],
};

function contract(over: Partial<Contract> = {}): Contract {
  const parsed = contractInputSchema.parse(input);
  return {
    ...parsed,
    id: over.reference ?? "c1",
    buyerId: "b1",
    status: "active",
    createdAt: "",
    updatedAt: "",
    ...over,
  };
}

const paths = (body: unknown) => {
  const parsed = contractInputSchema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

describe("contracts", () => {
  it("names what is wrong in a contract", () => {
    expect(paths(input)).toEqual([]);
    expect(paths({ ...input, price: { basis: "per-day" } })).toEqual(["price.pence"]);
    expect(paths({ ...input, price: { basis: "mileage-rate" } })).toEqual([]);
    expect(paths({ ...input, price: { basis: "per-day", pence: 12.5 } })).toEqual(["price.pence"]);
    expect(paths({ ...input, endsOn: "2026-08-31" })).toEqual(["endsOn", "breakDates"]);
    expect(paths({ ...input, breakDates: ["2026-09-01"] })).toEqual(["breakDates"]);
    expect(paths({ ...input, runs: ["A", "A"] })).toEqual(["runs"]);
    expect(paths({ ...input, startsOn: "2026-02-30" })).toEqual(["startsOn"]);
  });

  it("prices its vehicles from its start to its last day, and not as a draft", () => {
    const c = contract();
    expect(isContractInForce(c, "2026-08-31")).toBe(false);
    expect(isContractInForce(c, "2026-09-01")).toBe(true);
    expect(isContractInForce(c, "2027-08-31")).toBe(true);
    expect(isContractInForce(c, "2027-09-01")).toBe(false);
    expect(isContractInForce(contract({ status: "draft" }), "2026-10-01")).toBe(false);
    const ended = contract({ status: "terminated", endedOn: "2027-04-01" });
    expect(lastContractDay(ended)).toBe("2027-03-31");
    expect(isContractInForce(ended, "2027-03-31")).toBe(true);
    expect(isContractInForce(ended, "2027-04-01")).toBe(false);
  });

  it("is signed once, ended by the buyer only at a break date, handed back from any later day", () => {
    const today = "2026-12-07";
    expect(
      findContractMoveRefusal(contract({ status: "draft" }), { status: "active" }, today),
    ).toBe(undefined);
    expect(findContractMoveRefusal(contract(), { status: "active" }, today)).toMatch(/signed/);
    const end = (endedOn: string) => ({ status: "terminated" as const, endedOn, reason: "x" });
    expect(findContractMoveRefusal(contract(), end("2027-04-01"), today)).toBe(undefined);
    expect(findContractMoveRefusal(contract(), end("2027-03-01"), today)).toMatch(/break dates/);
    expect(findContractMoveRefusal(contract(), end("2026-12-01"), today)).toMatch(/past/);
    const back = { status: "handed-back" as const, endedOn: "2027-01-04", reason: "no driver" };
    expect(findContractMoveRefusal(contract(), back, today)).toBe(undefined);
    expect(findContractMoveRefusal(contract({ status: "draft" }), back, today)).toMatch(/draft/);
    // A hand-back takes effect from tomorrow at the earliest: not today, whose runs are under way.
    const fromToday = { ...back, endedOn: today };
    expect(findContractMoveRefusal(contract(), fromToday, today)).toMatch(/from tomorrow/);
  });

  it("gives planning its costs: a day, a kilometre from a mile, a trip, the mileage rate", () => {
    expect(contractCosts(contract())).toEqual({
      fixedCostPence: 18_500,
      costPerKmPence: 0,
      costPerHourPence: 0,
      costPerTripPence: 0,
    });
    const perMile = contractCosts(contract({ price: { basis: "per-mile", pence: 161 } }));
    expect(perMile.costPerKmPence).toBeCloseTo(161 / KM_PER_MILE, 9);
    expect(perMile.fixedCostPence).toBe(0);
    const perTrip = contractCosts(contract({ price: { basis: "per-trip", pence: 1_200 } }));
    expect(perTrip.costPerTripPence).toBe(1_200);
    const rate = contractCosts(contract({ price: { basis: "mileage-rate" } }));
    expect(rate.costPerKmPence).toBeCloseTo(MILEAGE_RATE_DEFAULT.pence / KM_PER_MILE, 9);
  });

  it("proposes ending contracts together at the end of a school year, through break dates", () => {
    expect(schoolYearEnd("2027-03-31")).toBe("2027-08-31");
    expect(schoolYearEnd("2027-09-01")).toBe("2028-08-31");
    const contracts = [
      contract({ reference: "A", endsOn: "2027-07-23", breakDates: [] }),
      contract({ reference: "B", endsOn: "2027-08-31", breakDates: [] }),
      // Runs a year more, but may be broken on 1 September 2027: joins A and B.
      contract({ reference: "C", endsOn: "2028-08-31", breakDates: ["2027-09-01"] }),
      // Alone in its year: nothing to align.
      contract({ reference: "D", endsOn: "2029-03-31", breakDates: [] }),
      contract({ reference: "E", status: "draft", endsOn: "2027-05-01" }),
    ];
    const groups = proposeAlignment(contracts, "2026-12-07");
    expect(groups).toEqual([
      {
        alignTo: "2027-08-31",
        steps: [
          expect.objectContaining({ reference: "A", proposal: "extend", days: 39 }),
          expect.objectContaining({ reference: "B", proposal: "as-is", days: 0 }),
          expect.objectContaining({ reference: "C", proposal: "break", lastDay: "2027-08-31" }),
        ],
      },
    ]);
  });
});
