import { join } from "node:path";
import { type Cell, writeCsv } from "./csv-io";
import { round6 } from "./geo";
import type { HospitalRecord } from "./hospitals";
import type { LsoaRecord } from "./lsoas";
import type { GpPracticeRecord, LocalityRecord } from "./places";
import type { DerivedSchool } from "./schools";

export type WithDistrict<T> = T & { readonly districtCode: string };

export function writeLocalities(dir: string, rows: readonly WithDistrict<LocalityRecord>[]): void {
  const columns = ["nptg_locality_code", "name", "parent_locality_name", "admin_area_codes"];
  writeCsv(
    join(dir, "localities.csv"),
    [...columns, "district_code", "active_stop_count", "lat", "lon"],
    rows.map((l): Cell[] => [
      l.code,
      l.name,
      l.parentName,
      l.adminAreaCodes.join(";"),
      l.districtCode,
      l.activeStopCount,
      round6(l.lat),
      round6(l.lon),
    ]),
  );
}

export function writeSchools(dir: string, rows: readonly WithDistrict<DerivedSchool>[]): void {
  const columns = ["id", "name", "phase", "phase_keyword", "locality", "district_code"];
  writeCsv(
    join(dir, "schools-derived-from-naptan.csv"),
    [...columns, "lat", "lon", "stop_count", "derived", "basis"],
    rows.map((s): Cell[] => [
      s.id,
      s.name,
      s.phase,
      s.phaseKeyword,
      s.locality,
      s.districtCode,
      round6(s.lat),
      round6(s.lon),
      s.atcoCodes.length,
      true,
      s.atcoCodes.join(";"),
    ]),
  );
}

export function writeHospitals(dir: string, rows: readonly HospitalRecord[]): void {
  const columns = [
    "id",
    "ods_code",
    "name",
    "sub_type",
    "sector",
    "parent_ods_code",
    "parent_name",
  ];
  const more = ["address", "town", "postcode", "lat", "lon", "coord_source", "district_code"];
  writeCsv(
    join(dir, "hospitals.csv"),
    [...columns, ...more, "renal_dialysis", "renal_dialysis_basis", "notes"],
    rows.map((h): Cell[] => [
      h.id,
      h.odsCode,
      h.name,
      h.subType,
      h.sector,
      h.parentOdsCode,
      h.parentName,
      h.address,
      h.town,
      h.postcode,
      round6(h.lat),
      round6(h.lon),
      h.coordSource,
      h.districtCode,
      h.renalDialysis,
      h.renalDialysis ? "assumption" : "",
      h.notes,
    ]),
  );
}

export function writeGpPractices(dir: string, rows: readonly GpPracticeRecord[]): void {
  const columns = ["ods_code", "name", "address", "postcode", "open_date", "commissioner"];
  writeCsv(
    join(dir, "gp-practices.csv"),
    [...columns, "district_code", "lat", "lon", "coord_source"],
    rows.map((g): Cell[] => [
      g.odsCode,
      g.name,
      g.address,
      g.postcode,
      g.openDate,
      g.commissioner,
      g.districtCode,
      round6(g.lat),
      round6(g.lon),
      g.coordSource,
    ]),
  );
}

const LSOA_COLUMNS = [
  ["lsoa21_code", "lsoa21_name", "lad22_code", "lad22_name", "lat", "lon"],
  ["lsoa11_codes", "lsoa11_names", "mapping", "population_mid2017"],
  ["income_score", "income_decile", "idaci_score", "idaci_decile", "idaopi_score", "idaopi_decile"],
  ["ruc11_code", "ruc11_name", "rural"],
].flat();

export function writeLsoas(dir: string, rows: readonly LsoaRecord[]): void {
  writeCsv(
    join(dir, "lsoa.csv"),
    LSOA_COLUMNS,
    rows.map((l): Cell[] => [
      l.code,
      l.name,
      l.districtCode,
      l.districtName,
      round6(l.lat),
      round6(l.lon),
      l.lsoa11Codes.join(";"),
      l.lsoa11Names.join(";"),
      l.mapping,
      l.population,
      l.scores.income.score,
      l.scores.income.decile,
      l.scores.idaci.score,
      l.scores.idaci.decile,
      l.scores.idaopi.score,
      l.scores.idaopi.decile,
      l.rucCode,
      l.rucName,
      /^[DEF]/.test(l.rucCode),
    ]),
  );
}
