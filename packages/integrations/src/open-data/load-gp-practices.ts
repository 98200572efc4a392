import { ISO_DATE, LAD_CODE, ODS_CODE, UK_POSTCODE } from "./codes";
import { type CsvRow, readCsvRows } from "./csv-rows";
import { GP_COORD_SOURCES, type GpPractice } from "./types";

export const GP_PRACTICES_FILE = "gp-practices.csv";

const COLUMNS = [
  "ods_code",
  "name",
  "address",
  "postcode",
  "open_date",
  "commissioner",
  "district_code",
  "lat",
  "lon",
  "coord_source",
] as const;

function toGpPractice(row: CsvRow): GpPractice {
  return {
    odsCode: row.matching("ods_code", ODS_CODE),
    name: row.text("name"),
    address: row.text("address"),
    postcode: row.matching("postcode", UK_POSTCODE),
    openDate: row.matching("open_date", ISO_DATE),
    commissioner: row.text("commissioner"),
    districtCode: row.matching("district_code", LAD_CODE),
    ...row.point(),
    coordSource: row.oneOf("coord_source", GP_COORD_SOURCES),
  };
}

/** Loads the open GP practices of the area (data/gp-practices.csv). */
export function loadGpPractices(dataDir: string): Promise<GpPractice[]> {
  return readCsvRows(dataDir, GP_PRACTICES_FILE, COLUMNS, toGpPractice);
}
