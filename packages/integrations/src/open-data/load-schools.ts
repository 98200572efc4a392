import { ATCO_CODE, LAD_CODE } from "./codes";
import { type CsvRow, readCsvRows } from "./csv-rows";
import { type DerivedSchool, SCHOOL_PHASES } from "./types";

export const SCHOOLS_FILE = "schools-derived-from-naptan.csv";

const COLUMNS = [
  "id",
  "name",
  "phase",
  "phase_keyword",
  "locality",
  "district_code",
  "lat",
  "lon",
  "stop_count",
  "derived",
  "basis",
] as const;

function toSchool(row: CsvRow): DerivedSchool {
  const basisAtcoCodes = row.list("basis");
  for (const code of basisAtcoCodes) {
    if (!ATCO_CODE.test(code)) row.fail("basis", `"${code}" is not a NaPTAN ATCO code`);
  }
  const stopCount = row.integer("stop_count", 1, 100);
  if (stopCount !== basisAtcoCodes.length) row.fail("stop_count", "differs from the basis count");
  if (!row.boolean("derived")) row.fail("derived", "must be true for a NaPTAN-derived school");
  return {
    id: row.text("id"),
    name: row.text("name"),
    phase: row.oneOf("phase", SCHOOL_PHASES),
    phaseKeyword: row.raw("phase_keyword"),
    locality: row.text("locality"),
    districtCode: row.matching("district_code", LAD_CODE),
    ...row.point(),
    stopCount,
    derived: true,
    basisAtcoCodes,
  };
}

/** Loads the school points derived from NaPTAN stops (data/schools-derived-from-naptan.csv). */
export function loadSchools(dataDir: string): Promise<DerivedSchool[]> {
  return readCsvRows(dataDir, SCHOOLS_FILE, COLUMNS, toSchool);
}
