import { join } from "node:path";
import { type Cell, col, num, type Row, writeCsv } from "./csv-io";
import { round6 } from "./geo";

const FILE = "naptan_stops_cambridgeshire_peterborough.csv";

export interface BusStopRecord {
  readonly atco: string;
  readonly name: string;
  readonly indicator: string;
  readonly locality: string;
  readonly lat: number;
  readonly lon: number;
}

/** Active on-street bus stops (NaPTAN StopType BCT), in ATCO order. */
export function buildBusStops(rows: readonly Row[]): BusStopRecord[] {
  return rows
    .filter((r) => col(r, "Status", FILE) === "active" && col(r, "StopType", FILE) === "BCT")
    .map((r) => ({
      atco: col(r, "ATCOCode", FILE),
      name: col(r, "CommonName", FILE),
      indicator: col(r, "Indicator", FILE),
      locality: col(r, "LocalityName", FILE),
      lat: num(r, "lat_wgs84", FILE),
      lon: num(r, "lon_wgs84", FILE),
    }))
    .sort((a, b) => (a.atco < b.atco ? -1 : a.atco > b.atco ? 1 : 0));
}

export function writeBusStops(dir: string, stops: readonly BusStopRecord[]): void {
  writeCsv(
    join(dir, "bus-stops.csv"),
    ["atco_code", "name", "indicator", "locality", "lat", "lon"],
    stops.map((s): Cell[] => [s.atco, s.name, s.indicator, s.locality, round6(s.lat), round6(s.lon)]),
  );
}
