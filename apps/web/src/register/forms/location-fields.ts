import type { FieldSpec } from "../form-model";

/** A latitude and longitude in Great Britain, as the API checks them (WGS84). */
export function locationFields(
  names: { lat: string; lon: string },
  what: string,
  [latExample, lonExample] = ["52.2053", "0.1218"],
): FieldSpec[] {
  return [
    {
      name: names.lat,
      label: `Latitude of ${what}`,
      type: "number",
      hint: `In degrees (WGS84), for example ${latExample}`,
      required: `Enter the latitude of ${what}`,
      range: { min: 49.8, max: 61 },
      width: "10",
    },
    {
      name: names.lon,
      label: `Longitude of ${what}`,
      type: "number",
      hint: `In degrees (WGS84), for example ${lonExample}`,
      required: `Enter the longitude of ${what}`,
      range: { min: -8.7, max: 1.9 },
      width: "10",
    },
  ];
}

/** A reference field: the organisation's own identifier for a row. */
export function referenceField(what: string, hint: string): FieldSpec {
  return {
    name: "reference",
    label: "Reference",
    type: "text",
    hint,
    required: `Enter the ${what}'s reference`,
    width: "10",
  };
}
