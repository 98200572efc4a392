import { ApiError } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { checkValues, readValues, serverProblems } from "./form-checks";
import type { FieldSpec } from "./form-model";
import { passengerForm } from "./forms/passenger-form";
import { tripRequestInput } from "./forms/trip-request-input";
import { vehicleForm } from "./forms/vehicle-form";

const fields = passengerForm.fields;

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const good = {
  reference: "P-9",
  givenName: "Ada",
  familyName: "Lovelace",
  homeLat: "52.2",
  homeLon: "0.12",
  seating: "standard",
};

describe("register form checks", () => {
  it("reads a GOV.UK date from its three boxes, checkboxes as lists, and trims text", () => {
    const form = formOf([
      ["reference", "  P-9 "],
      ["dateOfBirth-day", "7"],
      ["dateOfBirth-month", "3"],
      ["dateOfBirth-year", "2015"],
      ["needs", "wheelchair"],
      ["needs", "travelAlone"],
    ]);
    const values = readValues(form, fields);
    expect(values.reference).toBe("P-9");
    expect(values.dateOfBirth).toBe("2015-03-07");
    expect(values.needs).toEqual(["wheelchair", "travelAlone"]);
    expect(values.homeAddress).toBe("");
  });

  it("names every empty required field and every malformed answer, linked to its input", () => {
    const problems = checkValues(fields, {
      ...good,
      givenName: "",
      homeLat: "north",
      homeLon: "12",
      dateOfBirth: "2015-02-30",
    });
    expect(problems).toEqual([
      { text: "Enter the passenger's given name", href: "#givenName" },
      { text: "Date of birth must be a real date", href: "#dateOfBirth" },
      { text: "Latitude of their home must be a number", href: "#homeLat" },
      { text: "Longitude of their home must be between -8.7 and 1.9", href: "#homeLon" },
    ]);
    expect(checkValues(fields, good)).toEqual([]);
  });

  it("checks whole numbers and 24-hour times", () => {
    const spec: FieldSpec[] = [
      { name: "seats", label: "Seats", type: "number", range: { min: 0, max: 90, whole: true } },
      { name: "at", label: "Time", type: "time" },
    ];
    expect(checkValues(spec, { seats: "2.5", at: "8:45" }).map((p) => p.text)).toEqual([
      "Seats must be a whole number",
      "Time must be a time on the 24-hour clock, like 08:45",
    ]);
  });

  it("links the server's problems to their fields, nested paths included, as sentences", () => {
    const error = new ApiError(422, {
      code: "validation-failed",
      message: "The passenger is not valid.",
      details: [
        { path: "familyName", message: "is required" },
        { path: "homeLat", message: "latitude must be between 49.8 and 61 (Great Britain)" },
        { path: "needs.seating", message: "invalid option" },
        { path: "somewhere.else", message: "is wrong" },
      ],
    });
    expect(serverProblems(error, fields)).toEqual([
      { text: "Family name is required", href: "#familyName" },
      { text: "Latitude must be between 49.8 and 61 (Great Britain)", href: "#homeLat" },
      { text: "Invalid option", href: "#seating" },
      { text: "somewhere.else is wrong" },
    ]);
    expect(serverProblems(new Error("offline"), fields)).toEqual([{ text: "offline" }]);
  });
});

describe("register form inputs", () => {
  it("keeps what the passenger form does not show when editing", async () => {
    const stored = {
      id: "p1",
      organisationId: "o1",
      createdAt: "",
      updatedAt: "",
      ...good,
      homeLat: 52.2,
      homeLon: 0.12,
      needs: {
        wheelchair: false,
        passengerAssistant: false,
        seating: "standard" as const,
        travelAlone: false,
        doorThroughDoor: false,
        mayNotTravelWith: ["P-2"],
      },
    };
    const made = await passengerForm.inputOf({ ...good, needs: ["wheelchair"] }, stored);
    expect("input" in made && made.input).toMatchObject({
      homeLat: 52.2,
      needs: { wheelchair: true, mayNotTravelWith: ["P-2"] },
    });
    expect(made).not.toHaveProperty("input.id");
  });

  it("turns a vehicle's costs in pounds into whole pence", async () => {
    const made = await vehicleForm.inputOf({
      fixedCost: "120.5",
      costPerKm: "0.45",
      costPerHour: "",
    });
    expect("input" in made && made.input).toMatchObject({
      fixedCostPence: 12050,
      costPerKmPence: 45,
      costPerHourPence: 0,
    });
  });

  it("asks for the place and the days a trip request's answers call for, before any look-up", async () => {
    const made = await tripRequestInput({
      originKind: "home",
      destinationKind: "place",
      destinationPlace: "",
      recurrenceKind: "recurring",
      weekdays: [],
      from: "2026-09-03",
      to: "",
    });
    expect("problems" in made && made.problems.map((p) => p.href)).toEqual([
      "#destinationPlace",
      "#weekdays",
      "#to",
    ]);
  });
});
