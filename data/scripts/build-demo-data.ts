/**
 * Builds the demo's open geography in data/ from the shared open-data folder (../shared/data
 * relative to the repository root). Run from the repository root:
 *   npx tsx data/scripts/build-demo-data.ts
 * Every derivation rule is described in data/README.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBusStops, writeBusStops } from "./lib/bus-stops";
import { readCsv } from "./lib/csv-io";
import { type District, findDistrict, haversineKm, type LonLat } from "./lib/geo";
import { buildHospitals } from "./lib/hospitals";
import { buildLsoas, type LsoaRecord } from "./lib/lsoas";
import {
  writeGpPractices,
  writeHospitals,
  writeLocalities,
  writeLsoas,
  writeSchools,
} from "./lib/outputs";
import { buildGpPractices, indexPostcodes, readLocalities } from "./lib/places";
import { deriveSchools } from "./lib/schools";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sourceDir = resolve(repoRoot, "../shared/data");
const outDir = join(repoRoot, "data");
const src = (file: string) => readCsv(join(sourceDir, file));

interface GeoFeature {
  properties: { LAD22CD: string; LAD22NM: string };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
}

/** Copies the six simplified district outlines and returns them for point-in-polygon tests. */
function buildDistricts(): District[] {
  const text = readFileSync(join(sourceDir, "boundaries_lad2022_simplified.geojson"), "utf8");
  const json = JSON.parse(text) as { features: GeoFeature[] };
  if (json.features.length !== 6) throw new Error("expected six district outlines");
  const features = json.features.map((f) => ({
    type: "Feature",
    properties: { LAD22CD: f.properties.LAD22CD, LAD22NM: f.properties.LAD22NM },
    geometry: f.geometry,
  }));
  const out = { type: "FeatureCollection", features };
  writeFileSync(join(outDir, "districts.geojson"), `${JSON.stringify(out)}\n`, "utf8");
  return json.features.map((f) => {
    const coords = f.geometry.coordinates as [number, number][][] | [number, number][][][];
    const polygons =
      f.geometry.type === "Polygon"
        ? [coords as [number, number][][]]
        : (coords as [number, number][][][]);
    return { code: f.properties.LAD22CD, name: f.properties.LAD22NM, polygons };
  });
}

type PostcodePoint = LonLat & { districtCode: string };

/** Squared equirectangular distance, enough to rank nearby points. */
function nearness(a: LonLat, b: LonLat): number {
  const dx = (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180);
  return dx * dx + (a.lat - b.lat) ** 2;
}

function nearest<T extends LonLat>(p: LonLat, points: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const q of points) {
    const d = nearness(p, q);
    if (d < bestD) [best, bestD] = [q, d];
  }
  return best;
}

/**
 * District of a point: that of the nearest Code-Point Open postcode centroid (within 2 km) when it is
 * one of the six; else point-in-polygon on the simplified outlines; else the nearest LSOA centroid's.
 */
function districtLocator(
  postcodes: readonly PostcodePoint[],
  districts: readonly District[],
  lsoas: readonly LsoaRecord[],
) {
  const codes = new Set(districts.map((d) => d.code));
  return (p: LonLat): string => {
    const pc = nearest(p, postcodes);
    if (pc && codes.has(pc.districtCode) && haversineKm(p, pc) <= 2) return pc.districtCode;
    return findDistrict(p, districts)?.code ?? nearest(p, lsoas)?.districtCode ?? "";
  };
}

function main(): void {
  const districts = buildDistricts();
  const districtCodes = new Set(districts.map((d) => d.code));
  const lsoas = buildLsoas({
    lookup: src("lookup_lsoa2011_lsoa2021_lad2022.csv"),
    centroids: src("lsoa2021_population_weighted_centroids.csv"),
    population: src("lsoa2011_population_mid2017.csv"),
    imd: src("lsoa2011_imd2019_income_idaci_idaopi.csv"),
    ruc: src("lsoa2011_rural_urban_classification.csv"),
  });
  writeLsoas(outDir, lsoas);
  const postcodes = indexPostcodes(src("postcodes_codepoint_open_cb_pe.csv"));
  const districtOf = districtLocator([...postcodes.values()], districts, lsoas);
  const withDistrict = <T extends LonLat>(r: T) => ({ ...r, districtCode: districtOf(r) });

  const localities = readLocalities(src("localities_derived_from_naptan.csv"));
  writeLocalities(outDir, localities.map(withDistrict));

  const stopRows = src("naptan_stops_cambridgeshire_peterborough.csv");
  const schools = deriveSchools(stopRows);
  writeSchools(outDir, schools.map(withDistrict));
  const busStops = buildBusStops(stopRows);
  writeBusStops(outDir, busStops);

  const gp = buildGpPractices(src("gp_practices_epraccur_2023-12.csv"), localities);
  const practices = gp.practices.map((g) =>
    districtCodes.has(g.districtCode) ? g : { ...g, districtCode: districtOf(g) },
  );
  writeGpPractices(outDir, practices);

  const hospitalRows = src("hospitals_nhs_choices_2018-01.csv");
  const hosp = buildHospitals(hospitalRows, postcodes, lsoas, districtCodes);
  const hospitals = hosp.hospitals.map((h) =>
    h.districtCode !== "" ? h : { ...h, districtCode: findDistrict(h, districts)?.code ?? "" },
  );
  writeHospitals(outDir, hospitals);

  const phases = new Map<string, number>();
  for (const s of schools) phases.set(s.phase, (phases.get(s.phase) ?? 0) + 1);
  console.log(`lsoa.csv: ${lsoas.length}; localities.csv: ${localities.length}`);
  console.log(`schools: ${schools.length} ${JSON.stringify(Object.fromEntries(phases))}`);
  console.log(`bus-stops.csv: ${busStops.length}`);
  console.log(`gp-practices.csv: ${practices.length}; hospitals.csv: ${hospitals.length}`);
  for (const d of [...gp.dropped, ...hosp.dropped]) console.log(`dropped: ${d}`);
}

main();
