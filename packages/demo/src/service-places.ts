import type { PlaceInput } from "@tt/domain";
import { type DemoGeography, type DemoLocality, getLocality } from "./geography";
import type { DemoOrganisationKey } from "./scenario-types";
import { slug } from "./school-places";

/** Acute hospitals: most outpatients go to the nearest (NHS ODS codes). */
export const ACUTE_HOSPITALS = ["RGT01", "RGN80", "RGN90", "RCX70", "RGR50", "RC110", "RGN49"];
/** Community hospitals with outpatient clinics in and near the area. */
export const COMMUNITY_HOSPITALS = ["RYV02", "RYV03", "RYV04", "NHM04"];
export const ADDENBROOKES = "RGT01";
export const ROYAL_PAPWORTH = "RGM21";

/** Synthetic adult day centres at town centres, per council. */
const DAY_CENTRE_TOWNS: Record<"cambridgeshire" | "peterborough", readonly string[]> = {
  cambridgeshire: ["Cambridge", "Ely", "March", "Wisbech", "Huntingdon", "St Neots", "St Ives"],
  peterborough: ["Peterborough", "Bretton Centre"],
};

/** Demand-responsive transport hubs (town or village centres) that DRT trips go to. */
export const DRT_HUB_TOWNS: Partial<Record<DemoOrganisationKey, readonly string[]>> = {
  cambridgeshire: [
    "Ely",
    "March",
    "Wisbech",
    "Huntingdon",
    "St Neots",
    "St Ives",
    "Chatteris",
    "Ramsey",
    "Soham",
    "Littleport",
    "Whittlesey",
    "Cambourne",
    "Sawston",
    "Linton",
    "Burwell",
    "Yaxley",
  ],
  peterborough: ["Peterborough", "Werrington", "Thorney"],
  consortium: ["Cottenham", "Willingham", "Histon", "Over", "Northstowe"],
};

/** Depots (towns) of each organisation that keeps vehicles. */
export const DEPOT_TOWNS: Partial<Record<DemoOrganisationKey, readonly string[]>> = {
  cambridgeshire: ["Huntingdon", "March", "Ely"],
  peterborough: ["Peterborough"],
  coaches: ["Chatteris", "St Ives", "Whittlesey", "Sawston"],
  taxis: ["Cambridge", "Peterborough", "Huntingdon", "Ely", "Wisbech"],
  "patient-transport": ["Cambridge", "Peterborough", "Huntingdon"],
  "community-transport": ["Soham", "Ramsey"],
  consortium: ["Willingham"],
};

function atLocality(locality: DemoLocality, fields: Omit<PlaceInput, "lat" | "lon">): PlaceInput {
  return { ...fields, lat: locality.lat, lon: locality.lon };
}

export function buildHospitalPlaces(geography: DemoGeography): PlaceInput[] {
  return geography.hospitals.map((h) => ({
    reference: `hospital-${h.id}`,
    name: h.name,
    kind: "hospital",
    lat: h.lat,
    lon: h.lon,
    postcode: h.postcode,
    externalCode: h.odsCode,
  }));
}

/** Dialysis units: the hospitals data/ flags as in-centre haemodialysis sites. */
export function buildDialysisPlaces(geography: DemoGeography): PlaceInput[] {
  return geography.hospitals
    .filter((h) => h.renalDialysis)
    .map((h) => ({
      reference: `dialysis-${h.id}`,
      name: `${h.name} renal dialysis unit`,
      kind: "dialysis-unit",
      lat: h.lat,
      lon: h.lon,
      postcode: h.postcode,
      externalCode: h.odsCode,
      opensAt: "07:00",
      closesAt: "19:00",
    }));
}

export function buildGpPlaces(geography: DemoGeography): PlaceInput[] {
  return geography.gpPractices.map((gp) => ({
    reference: `gp-${gp.odsCode}`,
    name: titleCase(gp.name),
    kind: "gp-practice",
    lat: gp.lat,
    lon: gp.lon,
    postcode: gp.postcode,
    externalCode: gp.odsCode,
    opensAt: "08:00",
    closesAt: "18:30",
  }));
}

export function buildDayCentrePlaces(
  geography: DemoGeography,
  council: "cambridgeshire" | "peterborough",
): PlaceInput[] {
  return DAY_CENTRE_TOWNS[council].map((town) =>
    atLocality(getLocality(geography.localities, town), {
      reference: `day-centre-${slug(town)}`,
      name: `${town} Day Centre (synthetic)`,
      kind: "day-centre",
      opensAt: "09:30",
      closesAt: "15:30",
    }),
  );
}

export function buildDrtHubPlaces(
  geography: DemoGeography,
  key: DemoOrganisationKey,
): PlaceInput[] {
  return (DRT_HUB_TOWNS[key] ?? []).map((town) =>
    atLocality(getLocality(geography.localities, town), {
      reference: `drt-hub-${slug(town)}`,
      name: `${town} centre (DRT stop)`,
      kind: "stop",
    }),
  );
}

export function buildDepotPlaces(
  geography: DemoGeography,
  key: DemoOrganisationKey,
  organisationName: string,
): PlaceInput[] {
  return (DEPOT_TOWNS[key] ?? []).map((town) =>
    atLocality(getLocality(geography.localities, town), {
      reference: `depot-${slug(town)}`,
      name: `${organisationName} depot, ${town}`,
      kind: "depot",
    }),
  );
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b([a-z])/g, (m) => m.toUpperCase())
    .replace(/'S\b/g, "'s");
}
