import { col, num, type Row } from "./csv-io";

/** Number of 2011 LSOAs in England, the population the IoD 2019 ranks run over. */
const ENGLAND_LSOAS_2011 = 32_844;

export interface LsoaRecord {
  readonly code: string;
  readonly name: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly lat: number;
  readonly lon: number;
  readonly lsoa11Codes: readonly string[];
  readonly lsoa11Names: readonly string[];
  readonly mapping: "unchanged" | "recoded" | "merged" | "split";
  readonly population: number;
  readonly scores: Readonly<
    Record<"income" | "idaci" | "idaopi", { score: number; decile: number }>
  >;
  readonly rucCode: string;
  readonly rucName: string;
}

export interface LsoaSources {
  readonly lookup: readonly Row[];
  readonly centroids: readonly Row[];
  readonly population: readonly Row[];
  readonly imd: readonly Row[];
  readonly ruc: readonly Row[];
}

interface Source11 {
  readonly code: string;
  readonly name: string;
  /** Share of the 2011 LSOA's population assigned to this 2021 LSOA (1 unless split). */
  readonly share: number;
  readonly population: number;
  readonly imd: Row;
  readonly ruc: Row;
}

function indexBy(rows: readonly Row[], key: string, file: string): Map<string, Row> {
  return new Map(rows.map((r) => [col(r, key, file), r]));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}

function decile(rank: number): number {
  return Math.min(10, Math.max(1, Math.ceil((rank * 10) / ENGLAND_LSOAS_2011)));
}

const IMD_FILE = "lsoa2011_imd2019_income_idaci_idaopi.csv";
const IMD_COLUMNS = {
  income: ["Income Domain Score", "Income Domain Rank (where 1 is most deprived)"],
  idaci: ["IDACI Score", "IDACI Rank (where 1 is most deprived)"],
  idaopi: ["IDAOPI Score", "IDAOPI Rank (where 1 is most deprived)"],
} as const;

/** Population-weighted mean score and rank over the 2011 sources; decile from the mean rank. */
function combineScores(sources: readonly Source11[]): LsoaRecord["scores"] {
  const weight = (s: Source11): number => s.population * s.share;
  const total = sources.reduce((sum, s) => sum + weight(s), 0);
  const mean = (column: string): number =>
    sources.reduce((sum, s) => sum + weight(s) * num(s.imd, column, IMD_FILE), 0) / total;
  const one = ([scoreCol, rankCol]: readonly [string, string]) => ({
    score: Math.round(mean(scoreCol) * 1000) / 1000,
    decile: decile(mean(rankCol)),
  });
  return {
    income: one(IMD_COLUMNS.income),
    idaci: one(IMD_COLUMNS.idaci),
    idaopi: one(IMD_COLUMNS.idaopi),
  };
}

function mappingOf(code: string, sources: readonly Source11[]): LsoaRecord["mapping"] {
  if (sources.length > 1) return "merged";
  const only = need(sources[0], `2011 source for ${code}`);
  if (only.share < 1) return "split";
  return only.code === code ? "unchanged" : "recoded";
}

function sources11(
  rows: readonly Row[],
  src: LsoaSources,
  splits: Map<string, number>,
): Source11[] {
  const pop = indexBy(src.population, "Area Codes", "lsoa2011_population_mid2017.csv");
  const imd = indexBy(src.imd, "LSOA Code (2011)", IMD_FILE);
  const ruc = indexBy(src.ruc, "LSOA11CD", "lsoa2011_rural_urban_classification.csv");
  return rows.map((r) => {
    const code = col(r, "LSOA11CD", "lookup");
    const popRow = need(pop.get(code), `mid-2017 population for ${code}`);
    return {
      code,
      name: col(r, "LSOA11NM", "lookup"),
      share: 1 / (splits.get(code) ?? 1),
      population: num(popRow, "All Ages", "lsoa2011_population_mid2017.csv"),
      imd: need(imd.get(code), `IMD 2019 row for ${code}`),
      ruc: need(ruc.get(code), `rural-urban class for ${code}`),
    };
  });
}

/** The rural-urban class shared by all sources, else that of the most populous source. */
function rucOf(sources: readonly Source11[]): { rucCode: string; rucName: string } {
  const top = [...sources].sort((a, b) => b.population * b.share - a.population * a.share)[0];
  const row = need(top, "rural-urban source").ruc;
  const file = "lsoa2011_rural_urban_classification.csv";
  return { rucCode: col(row, "RUC11CD", file), rucName: col(row, "RUC11", file) };
}

/** One record per 2021 LSOA, joining 2011-based statistics through the ONS lookup. */
export function buildLsoas(src: LsoaSources): LsoaRecord[] {
  const by21 = new Map<string, Row[]>();
  const splits = new Map<string, number>();
  for (const r of src.lookup) {
    const c21 = col(r, "LSOA21CD", "lookup");
    const c11 = col(r, "LSOA11CD", "lookup");
    by21.set(c21, [...(by21.get(c21) ?? []), r]);
    splits.set(c11, (splits.get(c11) ?? 0) + 1);
  }
  const pwc = indexBy(src.centroids, "LSOA21CD", "lsoa2021_population_weighted_centroids.csv");
  return [...by21.entries()]
    .map(([code, rows]) => {
      const first = need(rows[0], `lookup row for ${code}`);
      const centroid = need(pwc.get(code), `population-weighted centroid for ${code}`);
      const sources = sources11(rows, src, splits);
      const file = "lsoa2021_population_weighted_centroids.csv";
      return {
        code,
        name: col(first, "LSOA21NM", "lookup"),
        districtCode: col(first, "LAD22CD", "lookup"),
        districtName: col(first, "LAD22NM", "lookup"),
        lat: num(centroid, "lat_wgs84", file),
        lon: num(centroid, "lon_wgs84", file),
        lsoa11Codes: sources.map((s) => s.code),
        lsoa11Names: sources.map((s) => s.name),
        mapping: mappingOf(code, sources),
        population: Math.round(sources.reduce((sum, s) => sum + s.population * s.share, 0)),
        scores: combineScores(sources),
        ...rucOf(sources),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
