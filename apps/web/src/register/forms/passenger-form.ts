import { API_RESOURCES, type ResourceRecord } from "@tt/contract";
import {
  choicesOf,
  type FieldSpec,
  type FormSpec,
  keptOf,
  listOf,
  numberOf,
  optionalOf,
  shown,
  textOf,
  type Values,
} from "../form-model";
import { locationFields, referenceField } from "./location-fields";

type Passenger = ResourceRecord<"passengers">;

/** The seating choices, read from the contract's own schema. */
const SEATING = API_RESOURCES.passengers.input.shape.needs.unwrap().shape.seating.unwrap().options;

const NEEDS = [
  { value: "wheelchair", text: "Travels in their wheelchair" },
  { value: "passengerAssistant", text: "Needs a passenger assistant" },
  { value: "travelAlone", text: "Must travel alone" },
  { value: "doorThroughDoor", text: "Door through door: escorted to and from the door" },
] as const;

const fields: FieldSpec[] = [
  referenceField("passenger", "Your own reference, for example a pupil number"),
  {
    name: "givenName",
    label: "Given name",
    type: "text",
    required: "Enter the passenger's given name",
    width: "20",
  },
  {
    name: "familyName",
    label: "Family name",
    type: "text",
    required: "Enter the passenger's family name",
    width: "20",
  },
  {
    name: "dateOfBirth",
    label: "Date of birth (optional)",
    type: "date",
    hint: "For example, 27 3 2015",
  },
  { name: "homeAddress", label: "Home address (optional)", type: "text", width: "30" },
  { name: "homePostcode", label: "Home postcode (optional)", type: "text", width: "10" },
  ...locationFields({ lat: "homeLat", lon: "homeLon" }, "their home"),
  {
    name: "needs",
    label: "What they need when travelling",
    type: "checkboxes",
    hint: "Select all that apply",
    choices: NEEDS,
    paths: NEEDS.map((n) => `needs.${n.value}`),
  },
  {
    name: "seating",
    label: "Seating",
    type: "select",
    choices: choicesOf(SEATING),
    paths: ["needs.seating"],
  },
];

function valuesOf(p: Passenger): Values {
  return {
    reference: p.reference,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth ?? "",
    homeAddress: p.homeAddress ?? "",
    homePostcode: p.homePostcode ?? "",
    homeLat: shown(p.homeLat),
    homeLon: shown(p.homeLon),
    needs: NEEDS.filter((n) => p.needs[n.value]).map((n) => n.value),
    seating: p.needs.seating,
  };
}

function passengerInput(values: Values, base?: Passenger) {
  const needs = listOf(values, "needs");
  const has = (name: (typeof NEEDS)[number]["value"]) => needs.includes(name);
  return {
    ...keptOf(base),
    reference: textOf(values, "reference"),
    givenName: textOf(values, "givenName"),
    familyName: textOf(values, "familyName"),
    dateOfBirth: optionalOf(values, "dateOfBirth"),
    homeAddress: optionalOf(values, "homeAddress"),
    homePostcode: optionalOf(values, "homePostcode"),
    homeLat: numberOf(values, "homeLat"),
    homeLon: numberOf(values, "homeLon"),
    needs: {
      wheelchair: has("wheelchair"),
      passengerAssistant: has("passengerAssistant"),
      seating: textOf(values, "seating") as Passenger["needs"]["seating"],
      travelAlone: has("travelAlone"),
      doorThroughDoor: has("doorThroughDoor"),
      mayNotTravelWith: base?.needs.mayNotTravelWith ?? [],
    },
  };
}

export const passengerForm: FormSpec<"passengers"> = {
  kind: "passengers",
  singular: "passenger",
  fields,
  valuesOf,
  inputOf: (values, base) => ({ input: passengerInput(values, base) }),
};
