import { ATCO_CODE } from "./codes";
import { type CsvRow, readCsvRows } from "./csv-rows";
import type { GeoPoint } from "./types";

export const BUS_STOPS_FILE = "bus-stops.csv";

/** An active on-street bus stop from NaPTAN (data/bus-stops.csv). */
export interface BusStop extends GeoPoint {
  readonly atcoCode: string;
  readonly name: string;
  /** "opp", "near", "Stop A"…; empty when NaPTAN gives none. */
  readonly indicator: string;
  readonly locality: string;
}

const COLUMNS = ["atco_code", "name", "indicator", "locality", "lat", "lon"] as const;

function toBusStop(row: CsvRow): BusStop {
  return {
    atcoCode: row.matching("atco_code", ATCO_CODE),
    name: row.text("name"),
    indicator: row.optionalText("indicator") ?? "",
    locality: row.text("locality"),
    ...row.point(),
  };
}

/** Loads the active bus stops of Cambridgeshire and Peterborough (data/bus-stops.csv). */
export function loadBusStops(dataDir: string): Promise<BusStop[]> {
  return readCsvRows(dataDir, BUS_STOPS_FILE, COLUMNS, toBusStop);
}
