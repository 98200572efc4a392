import { API_RESOURCES, type ResourceRecord } from "@tt/contract";
import {
  choicesOf,
  type FieldSpec,
  type FormSpec,
  keptOf,
  numberOf,
  optionalOf,
  shown,
  textOf,
  type Values,
} from "../form-model";
import { locationFields, referenceField } from "./location-fields";

type Place = ResourceRecord<"places">;

const shape = API_RESOURCES.places.input.shape;
const KINDS = shape.kind.options;
const PHASES = shape.schoolPhase.unwrap().options;

const time = (name: string, label: string): FieldSpec => ({
  name,
  label,
  type: "time",
  hint: "On the 24-hour clock, for example 08:45",
  width: "5",
});

const fields: FieldSpec[] = [
  referenceField("place", "Your own reference, for example a school's URN"),
  { name: "name", label: "Name", type: "text", required: "Enter the place's name", width: "30" },
  {
    name: "kind",
    label: "Kind of place",
    type: "select",
    choices: choicesOf(KINDS),
    blank: "Choose a kind",
    required: "Select the kind of place",
  },
  ...locationFields({ lat: "lat", lon: "lon" }, "the place"),
  { name: "postcode", label: "Postcode (optional)", type: "text", width: "10" },
  {
    name: "externalCode",
    label: "National code (optional)",
    type: "text",
    hint: "A school's URN, an NHS ODS code or a NaPTAN ATCO code",
    width: "20",
  },
  {
    name: "schoolPhase",
    label: "School phase (optional)",
    type: "select",
    choices: choicesOf(PHASES),
    blank: "Not a school",
  },
  time("opensAt", "Opens at (optional)"),
  time("closesAt", "Closes at (optional)"),
];

function valuesOf(p: Place): Values {
  return {
    reference: p.reference,
    name: p.name,
    kind: p.kind,
    lat: shown(p.lat),
    lon: shown(p.lon),
    postcode: p.postcode ?? "",
    externalCode: p.externalCode ?? "",
    schoolPhase: p.schoolPhase ?? "",
    opensAt: p.opensAt ?? "",
    closesAt: p.closesAt ?? "",
  };
}

function placeInput(values: Values, base?: Place) {
  return {
    ...keptOf(base),
    reference: textOf(values, "reference"),
    name: textOf(values, "name"),
    kind: textOf(values, "kind") as Place["kind"],
    lat: numberOf(values, "lat"),
    lon: numberOf(values, "lon"),
    postcode: optionalOf(values, "postcode"),
    externalCode: optionalOf(values, "externalCode"),
    schoolPhase: optionalOf(values, "schoolPhase") as Place["schoolPhase"],
    opensAt: optionalOf(values, "opensAt"),
    closesAt: optionalOf(values, "closesAt"),
  };
}

export const placeForm: FormSpec<"places"> = {
  kind: "places",
  singular: "place",
  fields,
  valuesOf,
  inputOf: (values, base) => ({ input: placeInput(values, base) }),
};
