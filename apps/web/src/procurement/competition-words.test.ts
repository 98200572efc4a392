import { DPS_CATEGORIES } from "@tt/contract";
import { describe, expect, it } from "vitest";
import {
  bidFieldIds,
  buysTransport,
  CATEGORY_CHOICES,
  type CompetitionFields,
  clockOf,
  competitionStatus,
  deadlineFrom,
  deadlineInWords,
  needsInWords,
  personLabel,
  planLabel,
  qualityFieldId,
  RULE_CHOICES,
  readBid,
  readCompetition,
  readQuality,
  ruleName,
  scoreOf,
  sealedNote,
  vehicleLabel,
} from "./competition-words";
import { errorIn } from "./form-outcome";

const PLAN = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";
const LOT = "5d1b8f0e-7c7a-4d8e-9f4c-0e4f1a2b3c4d";
const VEHICLE = "9a1b8f0e-7c7a-4d8e-9f4c-0e4f1a2b3c4d";
const NOW = new Date(2026, 8, 1, 9, 0);
/** 14:30 on 14 September 2026 in the browser's time zone, as the API is sent it. */
const DEADLINE = new Date(2026, 8, 14, 14, 30).toISOString();

describe("competition words", () => {
  it("offers the four rules and the DPS page's categories", () => {
    expect(RULE_CHOICES.map((c) => c.value)).toEqual([
      "school",
      "vehicle-type",
      "time-band",
      "area",
    ]);
    expect((["school", "vehicle-type", "time-band", "area"] as const).map(ruleName)).toEqual([
      "School",
      "Vehicle type",
      "Whole days",
      "Area",
    ]);
    expect(CATEGORY_CHOICES.map((c) => c.value)).toEqual([...DPS_CATEGORIES]);
    expect(CATEGORY_CHOICES.find((c) => c.value === "wheelchair-accessible")?.text).toBe(
      "wheelchair accessible",
    );
  });

  it("puts lots out only for organisations that buy transport", () => {
    expect(["council", "nhs-body", "partnership", "local-consortium"].map(buysTransport)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["operator", "community-transport"].map(buysTransport)).toEqual([false, false]);
  });

  it("puts times of day, deadlines and scores in words", () => {
    expect(clockOf(465)).toBe("07:45");
    expect(clockOf(0)).toBe("00:00");
    expect(clockOf(1439.6)).toBe("00:00");
    expect(clockOf(930.2)).toBe("15:30");
    expect(deadlineInWords(DEADLINE)).toBe("14:30 on 14 September 2026");
    expect(deadlineInWords("soon")).toBe("soon");
    expect(sealedNote(DEADLINE)).toBe(
      "Sealed: the buyer can read it only after 14:30 on 14 September 2026.",
    );
    expect(scoreOf(60)).toBe("60");
    expect(scoreOf(66.666)).toBe("66.67");
    expect(scoreOf(72.5)).toBe("72.5");
    expect(scoreOf(0)).toBe("0");
  });

  it("says where a competition stands by whether its deadline has passed", () => {
    expect(competitionStatus({ deadline: DEADLINE, open: false })).toEqual({
      text: "Open for bids until 14:30 on 14 September 2026",
      className: "govuk-tag govuk-tag--blue",
    });
    expect(competitionStatus({ deadline: DEADLINE, open: true }).text).toBe(
      "Closed: bids can be opened",
    );
    expect(competitionStatus({ deadline: DEADLINE, open: true }, "invited").text).toBe(
      "Closed for bids",
    );
    expect(competitionStatus({ deadline: DEADLINE, open: false }, "invited").text).toBe(
      "Open for bids until 14:30 on 14 September 2026",
    );
  });

  it("says what a lot needs and what a vehicle offers", () => {
    expect(needsInWords({ seats: 12, wheelchairs: 2, vehicleKinds: ["minibus", "car"] })).toBe(
      "12 seats, 2 wheelchair spaces (minibus, car)",
    );
    expect(needsInWords({ seats: 1, wheelchairs: 0, vehicleKinds: [] })).toBe("1 seat");
    expect(needsInWords({ seats: 4, wheelchairs: 1, vehicleKinds: [] })).toBe(
      "4 seats, 1 wheelchair space",
    );
    expect(
      vehicleLabel({ reference: "MB1", kind: "minibus", seats: 16, wheelchairSpaces: 0 }),
    ).toBe("MB1 (minibus, 16 seats)");
  });

  it("names a plan to choose by its day once, and its status", () => {
    const plan = { name: "Day plan 2026-11-24", serviceDate: "2026-11-24", status: "published" };
    expect(planLabel(plan)).toBe("Day plan 2026-11-24 (published)");
    expect(planLabel({ ...plan, name: "Spring term", status: "draft" })).toBe(
      "Spring term, 2026-11-24 (draft)",
    );
  });

  it("reads the deadline's day and time as an instant with its offset", () => {
    expect(deadlineFrom("2026-09-14", "14:30")).toBe(DEADLINE);
    expect(deadlineFrom("2026-09-14", " 9.05 ")).toBe(new Date(2026, 8, 14, 9, 5).toISOString());
    expect(deadlineFrom("2026-09-14", "09:05:30")).toBe(
      new Date(2026, 8, 14, 9, 5, 30).toISOString(),
    );
    expect(deadlineFrom("2026-09-14", "09:05:60")).toBe("");
    expect(deadlineFrom("2026-09-14", "24:00")).toBe("");
    expect(deadlineFrom("2026-09-14", "2pm")).toBe("");
    expect(deadlineFrom("2026-02-30", "12:00")).toBe("");
    expect(deadlineFrom("2026-09-14", "")).toBe("");
  });

  const fields: CompetitionFields = {
    planId: PLAN,
    rule: "school",
    lots: undefined,
    title: " Fenland schools ",
    categories: ["minibus", "taxi", "rocket"],
    deadlineDay: "2026-09-14",
    deadlineTime: "14:30",
    startsOn: "2026-10-01",
    endsOn: "2027-07-23",
    priceWeight: "60",
  };

  it("reads the put-out form as the API's body, all the lots when not previewed", () => {
    expect(readCompetition(fields, NOW)).toEqual({
      ok: true,
      body: {
        planId: PLAN,
        rule: "school",
        title: "Fenland schools",
        categories: ["minibus", "taxi"],
        deadline: DEADLINE,
        startsOn: "2026-10-01",
        endsOn: "2027-07-23",
        priceWeight: 60,
      },
    });
    const chosen = readCompetition({ ...fields, lots: ["Lot A"], priceWeight: "0" }, NOW);
    expect(chosen.ok && chosen.body.lots).toEqual(["Lot A"]);
    expect(chosen.ok && chosen.body.priceWeight).toBe(0);
  });

  it("lists what to fix in the put-out form, each linked to its field", () => {
    const bad = readCompetition(
      {
        ...fields,
        planId: "",
        rule: "by-colour",
        lots: [],
        title: " ",
        categories: [],
        deadlineDay: "2026-09-31",
        endsOn: "2026-09-30",
        priceWeight: "101",
      },
      NOW,
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.href)).toEqual([
      "#competition-plan",
      "#competition-rule",
      "#competition-lots",
      "#competition-title",
      "#competition-categories",
      "#competition-deadline",
      "#competition-ends",
      "#competition-price-weight",
    ]);
    const time = readCompetition({ ...fields, deadlineTime: "half two" }, NOW);
    expect(time.ok ? [] : time.problems).toEqual([
      {
        text: "Enter the deadline's time as HH:MM, like 12:00",
        href: "#competition-deadline-time",
      },
    ]);
    const past = readCompetition({ ...fields, deadlineDay: "2026-08-31" }, NOW);
    expect(past.ok ? [] : past.problems.map((p) => p.text)).toEqual([
      "The deadline must be to come",
    ]);
    const weight = readCompetition({ ...fields, priceWeight: "6.5" }, NOW);
    expect(weight.ok ? [] : weight.problems.map((p) => p.href)).toEqual([
      "#competition-price-weight",
    ]);
  });

  it("names a person to offer by reference, role and DBS check, never by name", () => {
    expect(personLabel({ reference: "CM-D1", role: "driver", dbsExpiry: "2027-06-30" })).toBe(
      "CM-D1 (driver, DBS check to 2027-06-30)",
    );
    expect(personLabel({ reference: "PA-2", role: "passenger-assistant" })).toBe(
      "PA-2 (passenger assistant, no DBS check recorded)",
    );
  });

  it("reads a bid: a day's price in pounds as whole pence, and the vehicles offered", () => {
    expect(readBid(LOT, { price: "£185.50", vehicleIds: [VEHICLE] })).toEqual({
      ok: true,
      body: { lotId: LOT, pricePence: 18550, vehicleIds: [VEHICLE], staffIds: [] },
    });
    const people = readBid(LOT, { price: "90", vehicleIds: [VEHICLE], staffIds: ["s1", "s2"] });
    expect(people.ok && people.body.staffIds).toEqual(["s1", "s2"]);
    const ids = bidFieldIds(LOT);
    const bad = readBid(LOT, { price: "0", vehicleIds: [] });
    expect(bad.ok ? [] : bad.problems.map((p) => p.href)).toEqual([
      `#${ids.pricePence}`,
      `#${ids.vehicleIds}`,
    ]);
    expect(errorIn(bad.ok ? [] : bad.problems, ids.vehicleIds)).toBe(
      "Choose at least one vehicle to offer",
    );
    const cents = readBid(LOT, { price: "185.555", vehicleIds: [VEHICLE] });
    expect(cents.ok).toBe(false);
  });

  it("reads a quality mark, a whole number from 0 to 100", () => {
    expect(readQuality(LOT, " 70 ")).toEqual({ ok: true, body: 70 });
    expect(readQuality(LOT, "0")).toEqual({ ok: true, body: 0 });
    expect(readQuality(LOT, "100")).toEqual({ ok: true, body: 100 });
    for (const bad of ["101", "", "7.5", "-1", "good"]) {
      expect(readQuality(LOT, bad)).toEqual({
        ok: false,
        problems: [{ text: "Enter a quality mark from 0 to 100", href: `#${qualityFieldId(LOT)}` }],
      });
    }
  });
});
