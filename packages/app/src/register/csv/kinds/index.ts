import type { CsvKindSpec } from "../columns";
import type { CsvKind } from "../csv-port";
import { passengersCsv } from "./passengers";
import { placesCsv } from "./places";
import { tripRequestsCsv } from "./trip-requests";
import { vehiclesCsv } from "./vehicles";

/** The column table of every kind of CSV file, each typed by its kind. */
export const CSV_SPECS: { readonly [K in CsvKind]: CsvKindSpec<K> } = {
  passengers: passengersCsv,
  places: placesCsv,
  vehicles: vehiclesCsv,
  tripRequests: tripRequestsCsv,
};
