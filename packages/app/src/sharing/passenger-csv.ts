import type { DataItem } from "@tt/domain";
import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "../register";
import type { SharedPassenger } from "./passenger-view";

type Cell = string | number | boolean | undefined;

interface CsvColumn {
  readonly header: string;
  readonly value: (p: SharedPassenger) => Cell;
}

const always: CsvColumn[] = [
  { header: "id", value: (p) => p.id },
  { header: "pseudonymised", value: (p) => p.pseudonymised },
];

const identity: CsvColumn[] = [
  { header: "reference", value: (p) => p.reference },
  { header: "given_name", value: (p) => p.givenName },
  { header: "family_name", value: (p) => p.familyName },
  { header: "date_of_birth", value: (p) => p.dateOfBirth },
];

const home: CsvColumn[] = [
  { header: "home_lat", value: (p) => p.home?.lat },
  { header: "home_lon", value: (p) => p.home?.lon },
  { header: "home_coarsened_to_metres", value: (p) => p.home?.coarsenedToMetres },
];

const address: CsvColumn[] = [
  { header: "home_address", value: (p) => p.home?.address },
  { header: "home_postcode", value: (p) => p.home?.postcode },
];

const needs: CsvColumn[] = [
  { header: "wheelchair", value: (p) => p.travelNeeds?.wheelchair },
  { header: "passenger_assistant", value: (p) => p.travelNeeds?.passengerAssistant },
  { header: "seating", value: (p) => p.travelNeeds?.seating },
  { header: "travel_alone", value: (p) => p.travelNeeds?.travelAlone },
  { header: "door_through_door", value: (p) => p.travelNeeds?.doorThroughDoor },
  { header: "may_not_travel_with_count", value: (p) => p.travelNeeds?.mayNotTravelWithCount },
  { header: "may_not_travel_with", value: (p) => p.travelNeeds?.mayNotTravelWith?.join(";") },
];

/**
 * The columns of a partner's passengers as CSV: those of the data items the agreement covers and
 * no others, so an item outside it is absent from the file, not a blank column. A pseudonymised
 * view (analysis) has no identity and no address columns at all.
 */
export function sharedPassengerColumns(
  items: ReadonlySet<DataItem>,
  pseudonymised: boolean,
): readonly CsvColumn[] {
  return [
    ...always,
    ...(items.has("identity") && !pseudonymised ? identity : []),
    ...(items.has("home-location") ? home : []),
    ...(items.has("home-location") && !pseudonymised ? address : []),
    ...(items.has("travel-needs") ? needs : []),
  ];
}

function cell(value: Cell): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  return neutraliseFormula(String(value));
}

/** The passengers as CSV, one row each, in the view the agreement allows (`sharePassenger`). */
export function sharedPassengersCsv(
  passengers: readonly SharedPassenger[],
  items: ReadonlySet<DataItem>,
  pseudonymised: boolean,
): string {
  const columns = sharedPassengerColumns(items, pseudonymised);
  const rows = passengers.map((p) => columns.map((c) => cell(c.value(p))));
  return stringify([columns.map((c) => c.header), ...rows], { record_delimiter: "unix" });
}
