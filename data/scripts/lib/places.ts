import { col, num, type Row } from "./csv-io";
import type { LonLat } from "./geo";

export type PostcodeIndex = ReadonlyMap<string, LonLat & { districtCode: string }>;

const PC_FILE = "postcodes_codepoint_open_cb_pe.csv";
const GP_FILE = "gp_practices_epraccur_2023-12.csv";
const LOC_FILE = "localities_derived_from_naptan.csv";

export function normalisePostcode(pc: string): string {
  const compact = pc.toUpperCase().replace(/\s+/g, "");
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function indexPostcodes(rows: readonly Row[]): PostcodeIndex {
  return new Map(
    rows.map((r) => [
      normalisePostcode(col(r, "Postcode", PC_FILE)),
      {
        lat: num(r, "lat_wgs84", PC_FILE),
        lon: num(r, "lon_wgs84", PC_FILE),
        districtCode: col(r, "Admin_district_code", PC_FILE),
      },
    ]),
  );
}

export interface LocalityRecord extends LonLat {
  readonly code: string;
  readonly name: string;
  readonly parentName: string;
  readonly adminAreaCodes: readonly string[];
  readonly activeStopCount: number;
}

/** Merges two rows of one locality (its stops lie in two NaPTAN areas), weighting by stop count. */
function mergeLocality(a: LocalityRecord, b: LocalityRecord): LocalityRecord {
  const n = a.activeStopCount + b.activeStopCount;
  const mean = (x: number, y: number) => (x * a.activeStopCount + y * b.activeStopCount) / n;
  return {
    ...a,
    adminAreaCodes: [...a.adminAreaCodes, ...b.adminAreaCodes].sort(),
    activeStopCount: n,
    lat: mean(a.lat, b.lat),
    lon: mean(a.lon, b.lon),
  };
}

/** One record per NPTG locality code. */
export function readLocalities(rows: readonly Row[]): LocalityRecord[] {
  const byCode = new Map<string, LocalityRecord>();
  for (const r of rows) {
    const record: LocalityRecord = {
      code: col(r, "NptgLocalityCode", LOC_FILE),
      name: col(r, "LocalityName", LOC_FILE),
      parentName: col(r, "ParentLocalityName", LOC_FILE),
      adminAreaCodes: [col(r, "AdministrativeAreaCode", LOC_FILE)],
      activeStopCount: num(r, "active_stop_count", LOC_FILE),
      lat: num(r, "lat_wgs84", LOC_FILE),
      lon: num(r, "lon_wgs84", LOC_FILE),
    };
    const seen = byCode.get(record.code);
    byCode.set(record.code, seen === undefined ? record : mergeLocality(seen, record));
  }
  return [...byCode.values()];
}

export interface GpPracticeRecord extends LonLat {
  readonly odsCode: string;
  readonly name: string;
  readonly address: string;
  readonly postcode: string;
  readonly openDate: string;
  readonly commissioner: string;
  readonly coordSource: "postcode_centroid" | "locality_centre";
  readonly districtCode: string;
}

function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** A locality named as a whole word in the address (the longest such name), for ungeocoded rows. */
function localityInAddress(address: string, localities: readonly LocalityRecord[]) {
  const upper = ` ${address.toUpperCase().replace(/[^A-Z' ]/g, " ")} `;
  return localities
    .filter((l) => upper.includes(` ${l.name.toUpperCase()} `))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

export interface GpResult {
  readonly practices: GpPracticeRecord[];
  readonly dropped: string[];
}

/** Open GP practices (status A, prescribing setting 4), at their postcode centroid. */
export function buildGpPractices(
  rows: readonly Row[],
  localities: readonly LocalityRecord[],
): GpResult {
  const practices: GpPracticeRecord[] = [];
  const dropped: string[] = [];
  const open = rows.filter(
    (r) => col(r, "Status Code", GP_FILE) === "A" && col(r, "Prescribing Setting", GP_FILE) === "4",
  );
  for (const r of open) {
    const lines = [1, 2, 3, 4, 5].map((i) => col(r, `Address Line ${i}`, GP_FILE)).filter((a) => a);
    const base = {
      odsCode: col(r, "Organisation Code", GP_FILE),
      name: col(r, "Name", GP_FILE),
      address: lines.join("; "),
      postcode: col(r, "Postcode", GP_FILE),
      openDate: isoDate(col(r, "Open Date", GP_FILE)),
      commissioner: col(r, "Commissioner", GP_FILE),
    };
    if (col(r, "cp_lat_wgs84", GP_FILE) !== "") {
      const lat = num(r, "cp_lat_wgs84", GP_FILE);
      const lon = num(r, "cp_lon_wgs84", GP_FILE);
      const districtCode = col(r, "cp_admin_district_code", GP_FILE);
      practices.push({ ...base, lat, lon, coordSource: "postcode_centroid", districtCode });
      continue;
    }
    const loc = localityInAddress(lines.join(" "), localities);
    if (loc === undefined) {
      dropped.push(`${base.odsCode} ${base.name} (${base.postcode}): no centroid, no locality`);
      continue;
    }
    practices.push({
      ...base,
      lat: loc.lat,
      lon: loc.lon,
      coordSource: "locality_centre",
      districtCode: "",
    });
  }
  practices.sort((a, b) => a.odsCode.localeCompare(b.odsCode));
  return { practices, dropped };
}
