import { PLACE_KINDS, placeInputSchema, SCHOOL_PHASES } from "@tt/domain";
import { decimal, oneOf, text, time } from "../codecs";
import type { Column, CsvKindSpec } from "../columns";
import { resolveCoordinates } from "../resolve";

const COLUMNS: readonly Column[] = [
  {
    header: "reference",
    required: true,
    codec: { ...text, type: "reference" },
    target: "reference",
    description: "Your unique reference for the place.",
  },
  {
    header: "name",
    required: true,
    codec: text,
    target: "name",
    description: "Name of the place.",
  },
  {
    header: "kind",
    required: true,
    codec: oneOf(PLACE_KINDS),
    target: "kind",
    description: "What the place is.",
  },
  {
    header: "lat",
    codec: decimal,
    target: "coordinates.lat",
    reportsFor: "lat",
    description: "Latitude (WGS84).",
  },
  {
    header: "lon",
    codec: decimal,
    target: "coordinates.lon",
    reportsFor: "lon",
    description: "Longitude (WGS84).",
  },
  {
    header: "easting",
    codec: decimal,
    target: "coordinates.easting",
    reportsFor: "lon",
    exported: false,
    description: "Easting, British National Grid metres (instead of lat/lon).",
  },
  {
    header: "northing",
    codec: decimal,
    target: "coordinates.northing",
    reportsFor: "lat",
    exported: false,
    description: "Northing, British National Grid metres (instead of lat/lon).",
  },
  { header: "postcode", codec: text, target: "postcode", description: "Postcode." },
  {
    header: "external_code",
    codec: text,
    target: "externalCode",
    description: "A national code: school URN, NHS ODS code or NaPTAN ATCO code.",
  },
  {
    header: "school_phase",
    codec: oneOf(SCHOOL_PHASES),
    target: "schoolPhase",
    description: "For schools: the phase.",
  },
  {
    header: "opens_at",
    codec: time,
    target: "opensAt",
    description: "Opening or school start time.",
  },
  {
    header: "closes_at",
    codec: time,
    target: "closesAt",
    description: "Closing or school finish time.",
  },
];

/** Destinations and stops: schools, hospitals, GP practices, day centres… */
export const placesCsv: CsvKindSpec<"places"> = {
  kind: "places",
  columns: COLUMNS,
  oneOf: [
    ["lat", "lon"],
    ["easting", "northing"],
  ],
  schema: placeInputSchema,
  lookups: [],
  toInput(draft, context) {
    const { coordinates: _c, ...rest } = draft;
    const point = resolveCoordinates(
      draft,
      { lat: "lat", lon: "lon", easting: "easting", northing: "northing" },
      context,
    );
    return { ...rest, lat: point.lat, lon: point.lon };
  },
  toDraft(record) {
    return Object.assign({}, record, { coordinates: { lat: record.lat, lon: record.lon } });
  },
};
