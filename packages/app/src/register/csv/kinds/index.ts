import type { CsvKindSpec } from "../columns";
import type { CsvKind } from "../csv-port";
import { passengersCsv } from "./passengers";
import { placesCsv } from "./places";
import { tripRequestsCsv } from "./trip-requests";
import { vehiclesCsv } from "./vehicles";

/** The column table of every kind of CSV file. */
export const CSV_SPECS: Readonly<Record<CsvKind, CsvKindSpec>> = {
  passengers: passengersCsv,
  places: placesCsv,
  vehicles: vehiclesCsv,
  tripRequests: tripRequestsCsv,
};
