/**
 * Reads the calibration reference from the shared open-data folder: the SAMueL LSOA → stroke unit
 * drive-time matrix, unit positions, LSOA centroids and rurality. Used by the calibration script
 * and by tests that skip when the folder is absent.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { CalibrationSample } from "./calibration";
import { greatCircleKm } from "./geo";
import { AREA_CODE } from "./geometric-model";
import { createUrbanRuralIndex, type UrbanRuralIndex } from "./urban-rural-index";

/** A row of `data/travel/urban-rural-points.csv`. */
export interface UrbanRuralRow {
  readonly lsoa21cd: string;
  readonly lsoa21nm: string;
  readonly lat: number;
  readonly lon: number;
  /** 2011 Rural-Urban Classification codes of the 2011 parent LSOA(s), `|`-separated. */
  readonly ruc11cd: string;
  readonly area: "urban" | "rural";
}

type Row = Record<string, string>;

const readCsv = async (dir: string, file: string): Promise<Row[]> =>
  parse(await readFile(join(dir, file), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });

/** One row per 2021 LSOA centroid; urban when at least half its 2011 parents are class C (urban). */
export async function deriveUrbanRuralRows(sharedDir: string): Promise<UrbanRuralRow[]> {
  const lookup = await readCsv(sharedDir, "lookup_lsoa2011_lsoa2021_lad2022.csv");
  const rucRows = await readCsv(sharedDir, "lsoa2011_rural_urban_classification.csv");
  const ruc = new Map(rucRows.map((r) => [r.LSOA11CD!, r.RUC11CD!]));
  const parents = new Map<string, string[]>();
  for (const r of lookup)
    parents.set(r.LSOA21CD!, [...(parents.get(r.LSOA21CD!) ?? []), r.LSOA11CD!]);
  const centroids = await readCsv(sharedDir, "lsoa2021_population_weighted_centroids.csv");
  return centroids
    .map((c): UrbanRuralRow => {
      const codes = (parents.get(c.LSOA21CD!) ?? []).map((p) => ruc.get(p) ?? "");
      const urban = codes.filter((k) => k.startsWith("C")).length * 2 >= codes.length;
      return {
        lsoa21cd: c.LSOA21CD!,
        lsoa21nm: c.LSOA21NM!,
        lat: Number(Number(c.lat_wgs84).toFixed(6)),
        lon: Number(Number(c.lon_wgs84).toFixed(6)),
        ruc11cd: codes.join("|"),
        area: urban ? "urban" : "rural",
      };
    })
    .sort((a, b) => a.lsoa21cd.localeCompare(b.lsoa21cd));
}

/** The CSV text of `data/travel/urban-rural-points.csv`. */
export function formatUrbanRuralCsv(rows: readonly UrbanRuralRow[]): string {
  const lines = rows.map((r) =>
    [r.lsoa21cd, `"${r.lsoa21nm}"`, r.lat.toFixed(6), r.lon.toFixed(6), r.ruc11cd, r.area].join(
      ",",
    ),
  );
  return `${["lsoa21cd,lsoa21nm,lat,lon,ruc11cd,area", ...lines].join("\n")}\n`;
}

/**
 * Every cell of the reference matrix as a sample. The origin is the centroid of the 2021 LSOA the
 * 2011 LSOA maps to; both ends are classified with `index` (the provider's own lookup).
 */
export async function readCalibrationSamples(
  sharedDir: string,
  rows: readonly UrbanRuralRow[],
  index: UrbanRuralIndex = createUrbanRuralIndex(
    rows.map((r) => ({ ...r, urban: r.area === "urban" })),
  ),
): Promise<CalibrationSample[]> {
  const lookup = await readCsv(sharedDir, "lookup_lsoa2011_lsoa2021_lad2022.csv");
  const byName = new Map(lookup.map((r) => [r.LSOA11NM!, r]));
  const centroid = new Map(rows.map((r) => [r.lsoa21cd, r]));
  const unitRows = await readCsv(sharedDir, "stroke_units_2022.csv");
  const units = new Map(
    unitRows.map((u) => [u.Postcode!, { lat: Number(u.lat), lon: Number(u.long) }]),
  );
  const matrix = await readCsv(sharedDir, "travel_time_lsoa2011_to_stroke_units_minutes.csv");
  const samples: CalibrationSample[] = [];
  for (const row of matrix) {
    const l = byName.get(row.LSOA!);
    const origin = l && centroid.get(l.LSOA21CD!);
    if (!l || !origin) throw new Error(`no 2021 centroid for 2011 LSOA "${row.LSOA}"`);
    const areaO = AREA_CODE[index.classify(origin)];
    for (const [postcode, value] of Object.entries(row)) {
      const unit = units.get(postcode);
      if (!unit || value === "") continue;
      const areaD = AREA_CODE[index.classify(unit)];
      samples.push({
        originKey: l.LSOA11CD!,
        km: greatCircleKm(origin, unit),
        minutes: Number(value),
        areaO,
        areaD,
      });
    }
  }
  return samples;
}
