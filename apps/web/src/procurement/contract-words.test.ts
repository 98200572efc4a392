import { ApiError } from "@tt/contract";
import { describe, expect, it } from "vitest";
import {
  BASIS_CHOICES,
  breakDatesLeft,
  CONTRACT_FIELD_IDS,
  type ContractFields,
  contractStatusTag,
  endedInWords,
  endingSoon,
  fieldIdsFor,
  linkConflict,
  penceOf,
  priceInWords,
  proposalInWords,
  readContract,
  readDay,
  readEnding,
  replannedWords,
} from "./contract-words";

const OPERATOR = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";
const FUNDER = "5d1b8f0e-7c7a-4d8e-9f4c-0e4f1a2b3c4d";

describe("contract words", () => {
  it("puts a price with its basis", () => {
    expect(priceInWords({ basis: "per-day", pence: 18500 })).toBe("£185.00 a day");
    expect(priceInWords({ basis: "per-mile", pence: 161 })).toBe("£1.61 a mile");
    expect(priceInWords({ basis: "per-trip", pence: 700 })).toBe("£7.00 a trip");
    expect(priceInWords({ basis: "per-day", pence: 125_000 })).toBe("£1,250.00 a day");
    expect(priceInWords({ basis: "mileage-rate" })).toBe("45p a mile (HMRC rate)");
    expect(priceInWords({ basis: "mileage-rate", pence: 50 })).toBe("£0.50 a mile (mileage rate)");
  });

  it("offers every price basis", () => {
    expect(BASIS_CHOICES.map((c) => c.value)).toEqual([
      "per-day",
      "per-mile",
      "per-trip",
      "mileage-rate",
    ]);
  });

  it("says a contract ends soon within 90 days of today, and not once it has ended", () => {
    const active = { status: "active" as const, endsOn: "2027-03-31" };
    expect(endingSoon(active, "2027-01-10")).toBe("ends in 80 days");
    expect(endingSoon(active, "2027-03-30")).toBe("ends in 1 day");
    expect(endingSoon(active, "2027-03-31")).toBe("ends today");
    expect(endingSoon(active, "2026-12-31")).toBe("ends in 90 days");
    expect(endingSoon(active, "2026-12-30")).toBeUndefined();
    expect(endingSoon(active, "2027-04-01")).toBeUndefined();
    expect(endingSoon({ ...active, status: "handed-back" }, "2027-03-01")).toBeUndefined();
  });

  it("names the status and how a contract ended", () => {
    expect(contractStatusTag("handed-back")).toEqual({
      text: "Handed back",
      className: "govuk-tag govuk-tag--orange",
    });
    expect(endedInWords({ endedOn: "2027-04-01", reason: "route withdrawn" })).toBe(
      "from 1 April 2027: route withdrawn",
    );
    expect(endedInWords({})).toBe("");
  });

  it("offers the break dates still to come, in order", () => {
    const contract = {
      endsOn: "2027-08-31",
      breakDates: ["2027-04-01", "2026-12-01", "2027-01-04"],
    };
    expect(breakDatesLeft(contract, "2027-01-04")).toEqual(["2027-01-04", "2027-04-01"]);
  });

  it("puts each alignment proposal in words", () => {
    const step = { contractId: OPERATOR, reference: "C-1", endsOn: "2027-07-23", lastDay: "" };
    expect(proposalInWords({ ...step, proposal: "as-is", lastDay: "2027-08-31", days: 0 })).toBe(
      "runs to it",
    );
    expect(proposalInWords({ ...step, proposal: "extend", lastDay: "2027-08-31", days: 39 })).toBe(
      "extend by 39 days",
    );
    expect(proposalInWords({ ...step, proposal: "extend", lastDay: "2027-08-31", days: 1 })).toBe(
      "extend by 1 day",
    );
    expect(proposalInWords({ ...step, proposal: "break", lastDay: "2027-08-31", days: -20 })).toBe(
      "end at its break date, last day 31 August 2027",
    );
  });

  it("reads pounds as whole pence, and dates as the API writes them", () => {
    expect(penceOf("185")).toBe(18500);
    expect(penceOf("£1.61")).toBe(161);
    expect(penceOf("1,250.5")).toBe(125050);
    expect(penceOf("0.1")).toBe(10);
    expect(penceOf("1.615")).toBeUndefined();
    expect(penceOf("ten")).toBeUndefined();
    expect(readDay("1/4/2027")).toBe("2027-04-01");
    expect(readDay(" 2027-04-01 ")).toBe("2027-04-01");
    expect(readDay("31 4 2027")).toBe("");
    expect(readDay("April")).toBe("");
  });

  const fields: ContractFields = {
    operatorId: OPERATOR,
    reference: " C-1 ",
    title: "Fenland schools",
    basis: "per-day",
    price: "185",
    runs: "SCH-12 AM, SCH-12 PM, ",
    startsOn: "2026-09-01",
    endsOn: "2027-08-31",
    breakDates: "1/4/2027, 2027-01-04",
    funderIds: [FUNDER],
  };

  it("reads the form as the API's body, naming no vehicles", () => {
    expect(readContract(fields)).toEqual({
      ok: true,
      body: {
        operatorId: OPERATOR,
        reference: "C-1",
        title: "Fenland schools",
        funderIds: [FUNDER],
        price: { basis: "per-day", pence: 18500 },
        vehicleIds: [],
        runs: ["SCH-12 AM", "SCH-12 PM"],
        startsOn: "2026-09-01",
        endsOn: "2027-08-31",
        breakDates: ["2027-04-01", "2027-01-04"],
      },
    });
    const mileage = readContract({ ...fields, basis: "mileage-rate", price: "" });
    expect(mileage.ok && mileage.body.price).toEqual({ basis: "mileage-rate" });
  });

  it("lists what to fix in the form with links to the fields", () => {
    const bad = readContract({
      ...fields,
      operatorId: "",
      title: " ",
      price: "",
      endsOn: "2027-02-30",
      breakDates: "1/4/2027, soon",
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.href)).toEqual([
      "#contract-operator",
      "#contract-title",
      "#contract-price",
      "#contract-ends",
      "#contract-break-dates",
    ]);
    const noBasis = readContract({ ...fields, basis: "" });
    expect(noBasis.ok ? [] : noBasis.problems.map((p) => p.href)).toEqual(["#contract-basis"]);
  });

  it("links each of the API's problems to the field it names or lies within", () => {
    const error = new ApiError(422, {
      code: "validation-failed",
      message: "The contract is not valid.",
      details: [
        { path: "runs.2", message: "a run is listed twice" },
        { path: "price.pence", message: "give the price in pence" },
        { path: "price.basis", message: "invalid option" },
        { path: "funderIds.0", message: "not one of your funders" },
        { path: "vehicleIds.0", message: "not one of the operator's vehicles" },
        { path: "endsOn", message: "endsOn must not be before startsOn" },
      ],
    });
    expect(fieldIdsFor(error, CONTRACT_FIELD_IDS)).toEqual({
      "runs.2": "contract-runs",
      "price.pence": "contract-price",
      "price.basis": "contract-basis",
      "funderIds.0": "contract-funders",
      endsOn: "contract-ends",
    });
    expect(fieldIdsFor(new Error("offline"), CONTRACT_FIELD_IDS)).toEqual({});
  });

  it("links a refusal that names no field to the field to change", () => {
    const conflict = new ApiError(409, {
      code: "conflict",
      message: "The contract cannot change: not a break date.",
      details: [],
    });
    const problems = [{ text: conflict.message }];
    expect(linkConflict(conflict, problems, "ending-date")).toEqual([
      { text: conflict.message, href: "#ending-date" },
    ]);
    const forbidden = new ApiError(403, { code: "forbidden", message: "No.", details: [] });
    expect(linkConflict(forbidden, [{ text: "No." }], "ending-date")).toEqual([{ text: "No." }]);
  });

  it("says what a hand-back did to the buyer's plans", () => {
    expect(replannedWords([])).toBe("");
    expect(
      replannedWords([
        { tripsMoved: 2, tripsUnplaced: 1 },
        { tripsMoved: 1, tripsUnplaced: 0 },
      ]),
    ).toBe(
      " The buyer's plans of 2 days were re-planned: 3 trips moved to other runs, 1 trip left without a place.",
    );
    expect(replannedWords([{ tripsMoved: 1, tripsUnplaced: 0 }])).toBe(
      " The buyer's plans of 1 day were re-planned: 1 trip moved to other runs.",
    );
  });

  it("reads an ending: a real first day without the contract and a reason", () => {
    const ids = { endedOn: "hand-back-date", reason: "hand-back-reason" };
    expect(readEnding({ endedOn: "2027-04-01", reason: " depot closing " }, ids, "x")).toEqual({
      ok: true,
      body: { endedOn: "2027-04-01", reason: "depot closing" },
    });
    const bad = readEnding({ endedOn: "", reason: "" }, ids, "Enter the day");
    expect(bad.ok ? [] : bad.problems).toEqual([
      { text: "Enter the day", href: "#hand-back-date" },
      { text: "Say why", href: "#hand-back-reason" },
    ]);
  });
});
