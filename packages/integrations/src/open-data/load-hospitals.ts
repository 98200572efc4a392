import { LAD_CODE, UK_POSTCODE } from "./codes";
import { type CsvRow, readCsvRows } from "./csv-rows";
import { HOSPITAL_COORD_SOURCES, type Hospital } from "./types";

export const HOSPITALS_FILE = "hospitals.csv";

const COLUMNS = [
  "id",
  "ods_code",
  "name",
  "sub_type",
  "sector",
  "parent_ods_code",
  "parent_name",
  "address",
  "town",
  "postcode",
  "lat",
  "lon",
  "coord_source",
  "district_code",
  "renal_dialysis",
  "renal_dialysis_basis",
  "notes",
] as const;

function optionalDistrict(row: CsvRow): string | undefined {
  const code = row.optionalText("district_code");
  if (code !== undefined && !LAD_CODE.test(code))
    row.fail("district_code", `"${code}" is not a LAD code`);
  return code;
}

function toHospital(row: CsvRow): Hospital {
  return {
    id: row.matching("id", /^\d+$/),
    odsCode: row.matching("ods_code", /^[A-Z0-9]{3,6}$/),
    name: row.text("name"),
    subType: row.text("sub_type"),
    sector: row.text("sector"),
    parentOdsCode: row.raw("parent_ods_code"),
    parentName: row.raw("parent_name"),
    address: row.raw("address"),
    town: row.raw("town"),
    postcode: row.matching("postcode", UK_POSTCODE),
    ...row.point(),
    coordSource: row.oneOf("coord_source", HOSPITAL_COORD_SOURCES),
    districtCode: optionalDistrict(row),
    renalDialysis: row.boolean("renal_dialysis"),
    renalDialysisBasis: row.optionalText("renal_dialysis_basis"),
    notes: row.raw("notes"),
  };
}

/** Loads hospitals in and near the demo area (data/hospitals.csv). */
export function loadHospitals(dataDir: string): Promise<Hospital[]> {
  return readCsvRows(dataDir, HOSPITALS_FILE, COLUMNS, toHospital);
}
