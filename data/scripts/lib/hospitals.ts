import { col, type Row } from "./csv-io";
import { haversineKm, type LonLat } from "./geo";
import type { PostcodeIndex } from "./places";

const FILE = "hospitals_nhs_choices_2018-01.csv";
/** A hospital is "near" when within this distance of some demo-area LSOA centroid. */
export const NEAR_KM = 25;

export type CoordSource = "postcode_centroid" | "nhs_choices_2018" | "corrected_postcode_centroid";

export interface HospitalRecord extends LonLat {
  readonly id: string;
  readonly odsCode: string;
  readonly name: string;
  readonly subType: string;
  readonly sector: string;
  readonly parentOdsCode: string;
  readonly parentName: string;
  readonly address: string;
  readonly town: string;
  readonly postcode: string;
  readonly coordSource: CoordSource;
  readonly districtCode: string;
  readonly renalDialysis: boolean;
  readonly notes: string;
}

/** Known changes since the 2018 file, applied by ODS code. */
const CORRECTIONS: Readonly<
  Record<string, { name: string; address: string; town: string; postcode: string; notes: string }>
> = {
  RGM21: {
    name: "Royal Papworth Hospital",
    address: "Papworth Road; Cambridge Biomedical Campus",
    town: "Cambridge",
    postcode: "CB2 0AY",
    notes: "Moved in 2019 from Papworth Everard (CB23 3RE) to the Cambridge Biomedical Campus",
  },
};

/**
 * Sites flagged as offering haemodialysis. ASSUMPTION, not in the source data: the names and types
 * in the NHS Choices file do not say which sites dialyse. Addenbrooke's is the renal centre for the
 * area; Peterborough City and Hinchingbrooke host satellite dialysis units.
 */
export const DIALYSIS_SITES: ReadonlySet<string> = new Set(["RGT01", "RGN80", "RGN90"]);

/** Raw coordinates are trusted only if they fall in this window around East Anglia. */
function plausible(p: LonLat): boolean {
  return p.lat > 51.5 && p.lat < 53.5 && p.lon > -1.5 && p.lon < 1.5;
}

function locate(row: Row, postcode: string, postcodes: PostcodeIndex) {
  const fixed = CORRECTIONS[col(row, "OrganisationCode", FILE)];
  if (fixed !== undefined) {
    const pc = postcodes.get(fixed.postcode);
    if (pc === undefined) throw new Error(`${FILE}: correction postcode ${fixed.postcode} unknown`);
    return { ...pc, coordSource: "corrected_postcode_centroid" as const };
  }
  const pc = postcodes.get(postcode);
  if (pc !== undefined) return { ...pc, coordSource: "postcode_centroid" as const };
  const raw = { lat: Number(col(row, "Latitude", FILE)), lon: Number(col(row, "Longitude", FILE)) };
  if (!plausible(raw)) return undefined;
  return { ...raw, districtCode: "", coordSource: "nhs_choices_2018" as const };
}

export interface HospitalResult {
  readonly hospitals: HospitalRecord[];
  readonly dropped: string[];
}

/** Hospitals within NEAR_KM of the demo area, positioned by postcode centroid where possible. */
export function buildHospitals(
  rows: readonly Row[],
  postcodes: PostcodeIndex,
  demoPoints: readonly LonLat[],
  demoDistricts: ReadonlySet<string>,
): HospitalResult {
  const hospitals: HospitalRecord[] = [];
  const dropped: string[] = [];
  for (const row of rows) {
    const ods = col(row, "OrganisationCode", FILE);
    const fixed = CORRECTIONS[ods];
    const postcode = fixed?.postcode ?? col(row, "Postcode", FILE);
    const where = locate(row, postcode, postcodes);
    const label = `${ods} ${col(row, "OrganisationName", FILE)}`;
    if (where === undefined) {
      dropped.push(`${label}: no postcode centroid and implausible raw coordinates`);
      continue;
    }
    if (!demoPoints.some((p) => haversineKm(p, where) <= NEAR_KM)) continue;
    const address = [1, 2, 3].map((i) => col(row, `Address${i}`, FILE)).filter((a) => a !== "");
    hospitals.push({
      id: col(row, "OrganisationID", FILE),
      odsCode: ods,
      name: fixed?.name ?? col(row, "OrganisationName", FILE),
      subType: col(row, "SubType", FILE),
      sector: col(row, "Sector", FILE),
      parentOdsCode: col(row, "ParentODSCode", FILE),
      parentName: col(row, "ParentName", FILE),
      address: fixed?.address ?? address.join("; "),
      town: fixed?.town ?? col(row, "City", FILE),
      postcode,
      lat: where.lat,
      lon: where.lon,
      coordSource: where.coordSource,
      districtCode: demoDistricts.has(where.districtCode) ? where.districtCode : "",
      renalDialysis: DIALYSIS_SITES.has(ods),
      notes: fixed?.notes ?? "",
    });
  }
  hospitals.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { hospitals, dropped };
}
