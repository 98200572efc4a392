/** Records loaded from the demo's open geography in `data/` (see data/README.md). */

export const SCHOOL_PHASES = [
  "primary",
  "secondary",
  "all-through",
  "special",
  "post-16",
  "nursery",
  "unknown",
] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** A school point derived from NaPTAN stops named after the school (not an official list). */
export interface DerivedSchool extends GeoPoint {
  readonly id: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  /** The words in the name that decided the phase; empty when the phase is unknown. */
  readonly phaseKeyword: string;
  readonly locality: string;
  readonly districtCode: string;
  readonly stopCount: number;
  readonly derived: true;
  /** NaPTAN ATCO codes of the stops the point was derived from. */
  readonly basisAtcoCodes: readonly string[];
}

export const HOSPITAL_COORD_SOURCES = [
  "postcode_centroid",
  "corrected_postcode_centroid",
  "nhs_choices_2018",
] as const;
export type HospitalCoordSource = (typeof HOSPITAL_COORD_SOURCES)[number];

export interface Hospital extends GeoPoint {
  /** NHS Choices OrganisationID; unique (an ODS code can appear on two rows). */
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
  readonly coordSource: HospitalCoordSource;
  /** The demo-area district, or undefined for sites outside the six districts. */
  readonly districtCode: string | undefined;
  readonly renalDialysis: boolean;
  /** "assumption" when the dialysis flag is a documented assumption rather than source data. */
  readonly renalDialysisBasis: string | undefined;
  readonly notes: string;
}

export const GP_COORD_SOURCES = ["postcode_centroid", "locality_centre"] as const;
export type GpCoordSource = (typeof GP_COORD_SOURCES)[number];

export interface GpPractice extends GeoPoint {
  readonly odsCode: string;
  readonly name: string;
  readonly address: string;
  readonly postcode: string;
  /** ISO date, YYYY-MM-DD. */
  readonly openDate: string;
  readonly commissioner: string;
  readonly districtCode: string;
  readonly coordSource: GpCoordSource;
}

export interface Locality extends GeoPoint {
  readonly nptgLocalityCode: string;
  readonly name: string;
  readonly parentLocalityName: string | undefined;
  /** NaPTAN administrative areas with stops of this locality: 071 Cambridgeshire, 041 Peterborough. */
  readonly adminAreaCodes: readonly string[];
  readonly districtCode: string;
  readonly activeStopCount: number;
}

export const LSOA_MAPPINGS = ["unchanged", "recoded", "merged", "split"] as const;
export type LsoaMapping = (typeof LSOA_MAPPINGS)[number];

export interface DeprivationMeasure {
  /** IoD 2019 domain score (share of people deprived, 0..1). */
  readonly score: number;
  /** National decile, 1 = most deprived 10% of LSOAs in England. */
  readonly decile: number;
}

export interface Lsoa extends GeoPoint {
  readonly code: string;
  readonly name: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly lsoa11Codes: readonly string[];
  readonly lsoa11Names: readonly string[];
  readonly mapping: LsoaMapping;
  /** Mid-2017 population, from the 2011 LSOA estimates mapped to 2021 LSOAs. */
  readonly population: number;
  readonly income: DeprivationMeasure;
  readonly idaci: DeprivationMeasure;
  readonly idaopi: DeprivationMeasure;
  readonly ruralUrbanCode: string;
  readonly ruralUrbanName: string;
  readonly rural: boolean;
}

/** [lon, lat] as in GeoJSON (RFC 7946). */
export type Position = readonly [number, number];

export type DistrictGeometry =
  | { readonly type: "Polygon"; readonly coordinates: readonly (readonly Position[])[] }
  | {
      readonly type: "MultiPolygon";
      readonly coordinates: readonly (readonly (readonly Position[])[])[];
    };

export interface District {
  readonly code: string;
  readonly name: string;
  readonly geometry: DistrictGeometry;
}

/** A box around Cambridgeshire and Peterborough, with a small margin (WGS84 degrees). */
export const DEMO_AREA_BBOX = {
  minLon: -0.55,
  minLat: 51.95,
  maxLon: 0.56,
  maxLat: 52.79,
} as const;

/** The six local authority districts of the demo area (LAD 2022 codes). */
export const DEMO_DISTRICT_CODES = [
  "E07000008",
  "E07000009",
  "E07000010",
  "E07000011",
  "E07000012",
  "E06000031",
] as const;
