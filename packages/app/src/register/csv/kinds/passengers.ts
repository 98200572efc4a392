import { passengerInputSchema, SEATING } from "@tt/domain";
import { date, decimal, listOf, oneOf, text, yesNo } from "../codecs";
import type { Column, CsvKindSpec, Draft } from "../columns";
import { resolveCoordinates } from "../resolve";

const reference = { ...text, type: "reference" };

const COLUMNS: readonly Column[] = [
  {
    header: "reference",
    required: true,
    codec: reference,
    target: "reference",
    description: "Your unique reference for the passenger, e.g. a pupil or client number.",
  },
  {
    header: "given_name",
    required: true,
    codec: text,
    target: "givenName",
    description: "Given (first) name.",
  },
  {
    header: "family_name",
    required: true,
    codec: text,
    target: "familyName",
    description: "Family name (surname).",
  },
  {
    header: "date_of_birth",
    codec: date,
    target: "dateOfBirth",
    description: "Date of birth, used for entitlement.",
  },
  {
    header: "home_address",
    codec: text,
    target: "homeAddress",
    description: "Home address as one line.",
  },
  { header: "home_postcode", codec: text, target: "homePostcode", description: "Home postcode." },
  {
    header: "home_lat",
    codec: decimal,
    target: "coordinates.lat",
    reportsFor: "homeLat",
    description: "Home latitude (WGS84).",
  },
  {
    header: "home_lon",
    codec: decimal,
    target: "coordinates.lon",
    reportsFor: "homeLon",
    description: "Home longitude (WGS84).",
  },
  {
    header: "home_easting",
    codec: decimal,
    target: "coordinates.easting",
    reportsFor: "homeLon",
    exported: false,
    description: "Home easting, British National Grid metres (instead of lat/lon).",
  },
  {
    header: "home_northing",
    codec: decimal,
    target: "coordinates.northing",
    reportsFor: "homeLat",
    exported: false,
    description: "Home northing, British National Grid metres (instead of lat/lon).",
  },
  {
    header: "wheelchair",
    codec: yesNo,
    target: "needs.wheelchair",
    description: "Travels seated in their wheelchair (takes a wheelchair space). Default no.",
  },
  {
    header: "passenger_assistant",
    codec: yesNo,
    target: "needs.passengerAssistant",
    description: "Needs a passenger assistant on board. Default no.",
  },
  {
    header: "seating",
    codec: oneOf(SEATING),
    target: "needs.seating",
    description: "How they must be seated. Default standard.",
  },
  {
    header: "travel_alone",
    codec: yesNo,
    target: "needs.travelAlone",
    description: "Must travel with no other passenger. Default no.",
  },
  {
    header: "door_through_door",
    codec: yesNo,
    target: "needs.doorThroughDoor",
    description: "Escorted from the door. Default no.",
  },
  {
    header: "may_not_travel_with",
    codec: listOf(reference),
    target: "needs.mayNotTravelWith",
    description: 'References of passengers they may not travel with, separated by ";".',
  },
];

/** Passengers: personal data, so every import and export is audited. */
export const passengersCsv: CsvKindSpec<"passengers"> = {
  kind: "passengers",
  columns: COLUMNS,
  oneOf: [
    ["home_lat", "home_lon"],
    ["home_easting", "home_northing"],
  ],
  schema: passengerInputSchema,
  lookups: [],
  toInput(draft, context) {
    const { coordinates: _c, ...rest } = draft;
    const home = resolveCoordinates(
      draft,
      { lat: "home_lat", lon: "home_lon", easting: "home_easting", northing: "home_northing" },
      context,
    );
    const needs = (draft.needs ?? {}) as Draft;
    for (const other of (needs.mayNotTravelWith ?? []) as string[]) {
      if (other === draft.reference) {
        context.report("may_not_travel_with", "a passenger cannot be kept apart from themselves");
      } else if (context.lookups.own.find(other).length === 0) {
        context.defer({ column: "may_not_travel_with", reference: other });
      }
    }
    return { ...rest, homeLat: home.lat, homeLon: home.lon, needs };
  },
  toDraft(record) {
    return Object.assign({}, record, { coordinates: { lat: record.homeLat, lon: record.homeLon } });
  },
};
