import { LAD_CODE, NPTG_LOCALITY_CODE } from "./codes";
import { type CsvRow, readCsvRows } from "./csv-rows";
import type { Locality } from "./types";

export const LOCALITIES_FILE = "localities.csv";

const COLUMNS = [
  "nptg_locality_code",
  "name",
  "parent_locality_name",
  "admin_area_codes",
  "district_code",
  "active_stop_count",
  "lat",
  "lon",
] as const;

function adminAreaCodes(row: CsvRow): string[] {
  const codes = row.list("admin_area_codes");
  for (const code of codes) {
    if (!/^\d{3}$/.test(code)) row.fail("admin_area_codes", `"${code}" is not a NaPTAN area code`);
  }
  return codes;
}

function toLocality(row: CsvRow): Locality {
  return {
    nptgLocalityCode: row.matching("nptg_locality_code", NPTG_LOCALITY_CODE),
    name: row.text("name"),
    parentLocalityName: row.optionalText("parent_locality_name"),
    adminAreaCodes: adminAreaCodes(row),
    districtCode: row.matching("district_code", LAD_CODE),
    activeStopCount: row.integer("active_stop_count", 1, 10_000),
    ...row.point(),
  };
}

/** Loads towns, villages and suburbs with approximate centres (data/localities.csv). */
export function loadLocalities(dataDir: string): Promise<Locality[]> {
  return readCsvRows(dataDir, LOCALITIES_FILE, COLUMNS, toLocality);
}
