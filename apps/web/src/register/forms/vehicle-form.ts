import { API_RESOURCES, type ResourceRecord } from "@tt/contract";
import {
  choicesOf,
  type FieldSpec,
  type FormSpec,
  keptOf,
  listOf,
  numberOf,
  shown,
  textOf,
  type Values,
} from "../form-model";
import { locationFields, referenceField } from "./location-fields";

type Vehicle = ResourceRecord<"vehicles">;

const shape = API_RESOURCES.vehicles.input.shape;
const KINDS = shape.kind.options;
const FEATURES = shape.features.unwrap().element.options;

const count = (name: string, label: string, max: number): FieldSpec => ({
  name,
  label,
  type: "number",
  required: `Enter the number of ${label.toLowerCase()}`,
  range: { min: 0, max, whole: true },
  width: "3",
});

const clock = (name: string, label: string): FieldSpec => ({
  name,
  label,
  type: "time",
  hint: "On the 24-hour clock, for example 06:30",
  required: `Enter the time the vehicle is ${label.toLowerCase()}`,
  width: "5",
});

/** Costs are entered in pounds; the API takes whole pence. */
const COSTS = [
  { name: "fixedCost", path: "fixedCostPence", label: "Fixed cost a day, in pounds" },
  { name: "costPerKm", path: "costPerKmPence", label: "Cost a kilometre, in pounds" },
  { name: "costPerHour", path: "costPerHourPence", label: "Cost an hour, in pounds" },
] as const;

const fields: FieldSpec[] = [
  referenceField("vehicle", "Your own reference, for example a fleet number"),
  {
    name: "kind",
    label: "Kind of vehicle",
    type: "select",
    choices: choicesOf(KINDS),
    blank: "Choose a kind",
    required: "Select the kind of vehicle",
  },
  count("seats", "Seats", 90),
  count("wheelchairSpaces", "Wheelchair spaces", 12),
  {
    name: "features",
    label: "Features",
    type: "checkboxes",
    hint: "Select all that apply",
    choices: choicesOf(FEATURES),
  },
  ...locationFields({ lat: "depotLat", lon: "depotLon" }, "its depot"),
  clock("availableFrom", "Available from"),
  clock("availableTo", "Available to"),
  ...COSTS.map(
    (c): FieldSpec => ({
      name: c.name,
      label: c.label,
      type: "number",
      range: { min: 0, max: 100_000 },
      paths: [c.path],
      width: "5",
    }),
  ),
];

const pounds = (pence: number) => shown(pence / 100);
const pence = (values: Values, name: string) => Math.round(numberOf(values, name) * 100);

function valuesOf(v: Vehicle): Values {
  return {
    reference: v.reference,
    kind: v.kind,
    seats: shown(v.seats),
    wheelchairSpaces: shown(v.wheelchairSpaces),
    features: [...v.features],
    depotLat: shown(v.depotLat),
    depotLon: shown(v.depotLon),
    availableFrom: v.availableFrom,
    availableTo: v.availableTo,
    fixedCost: pounds(v.fixedCostPence),
    costPerKm: pounds(v.costPerKmPence),
    costPerHour: pounds(v.costPerHourPence),
  };
}

function vehicleInput(values: Values, base?: Vehicle) {
  return {
    ...keptOf(base),
    reference: textOf(values, "reference"),
    kind: textOf(values, "kind") as Vehicle["kind"],
    seats: numberOf(values, "seats"),
    wheelchairSpaces: numberOf(values, "wheelchairSpaces"),
    features: listOf(values, "features") as Vehicle["features"],
    depotLat: numberOf(values, "depotLat"),
    depotLon: numberOf(values, "depotLon"),
    availableFrom: textOf(values, "availableFrom"),
    availableTo: textOf(values, "availableTo"),
    fixedCostPence: pence(values, "fixedCost"),
    costPerKmPence: pence(values, "costPerKm"),
    costPerHourPence: pence(values, "costPerHour"),
  };
}

export const vehicleForm: FormSpec<"vehicles"> = {
  kind: "vehicles",
  singular: "vehicle",
  fields,
  valuesOf,
  inputOf: (values, base) => ({ input: vehicleInput(values, base) }),
};
