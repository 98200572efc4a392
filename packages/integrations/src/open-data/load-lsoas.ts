import { LAD_CODE, LSOA_CODE } from "./codes";
import { type CsvRow, readCsvRows } from "./csv-rows";
import { type DeprivationMeasure, LSOA_MAPPINGS, type Lsoa } from "./types";

export const LSOA_FILE = "lsoa.csv";

const COLUMNS = [
  ["lsoa21_code", "lsoa21_name", "lad22_code", "lad22_name", "lat", "lon"],
  ["lsoa11_codes", "lsoa11_names", "mapping", "population_mid2017"],
  ["income_score", "income_decile", "idaci_score", "idaci_decile", "idaopi_score", "idaopi_decile"],
  ["ruc11_code", "ruc11_name", "rural"],
].flat();

function measure(row: CsvRow, prefix: string): DeprivationMeasure {
  return {
    score: row.number(`${prefix}_score`, 0, 1),
    decile: row.integer(`${prefix}_decile`, 1, 10),
  };
}

function lsoa11Codes(row: CsvRow): string[] {
  const codes = row.list("lsoa11_codes");
  for (const code of codes) {
    if (!LSOA_CODE.test(code)) row.fail("lsoa11_codes", `"${code}" is not an LSOA code`);
  }
  return codes;
}

function toLsoa(row: CsvRow): Lsoa {
  const ruralUrbanCode = row.matching("ruc11_code", /^[A-F][12]$/);
  const rural = row.boolean("rural");
  if (rural !== /^[DEF]/.test(ruralUrbanCode))
    row.fail("rural", `disagrees with ${ruralUrbanCode}`);
  const codes = lsoa11Codes(row);
  const names = row.list("lsoa11_names");
  if (names.length !== codes.length) row.fail("lsoa11_names", "count differs from lsoa11_codes");
  return {
    code: row.matching("lsoa21_code", LSOA_CODE),
    name: row.text("lsoa21_name"),
    districtCode: row.matching("lad22_code", LAD_CODE),
    districtName: row.text("lad22_name"),
    ...row.point(),
    lsoa11Codes: codes,
    lsoa11Names: names,
    mapping: row.oneOf("mapping", LSOA_MAPPINGS),
    population: row.integer("population_mid2017", 0, 100_000),
    income: measure(row, "income"),
    idaci: measure(row, "idaci"),
    idaopi: measure(row, "idaopi"),
    ruralUrbanCode,
    ruralUrbanName: row.text("ruc11_name"),
    rural,
  };
}

/** Loads one record per 2021 LSOA with population, deprivation and rurality (data/lsoa.csv). */
export function loadLsoas(dataDir: string): Promise<Lsoa[]> {
  return readCsvRows(dataDir, LSOA_FILE, COLUMNS, toLsoa);
}
