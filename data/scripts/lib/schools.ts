import { col, num, type Row } from "./csv-io";
import { centroid, haversineKm, type LonLat } from "./geo";
import {
  distinctiveTokens,
  guessPhase,
  isGeneric,
  type SchoolPhase,
  schoolNameFrom,
} from "./school-names";

const FILE = "naptan_stops_cambridgeshire_peterborough.csv";
/** Stops of one school are linked when this close and their names share a distinctive word. */
const LINK_KM = 0.8;

interface SchoolStop extends LonLat {
  readonly atco: string;
  readonly name: string;
  readonly locality: string;
  /** Distinctive words; empty for a generic name qualified by its locality ("Harston Primary School"). */
  readonly tokens: ReadonlySet<string>;
}

export interface DerivedSchool extends LonLat {
  readonly id: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly phaseKeyword: string;
  readonly locality: string;
  readonly atcoCodes: readonly string[];
}

/** The best school name on a stop: a specific name first, else a generic one qualified by locality. */
function stopSchoolName(row: Row): { name: string; qualified: boolean } | undefined {
  const landmark = schoolNameFrom(col(row, "Landmark", FILE));
  const common = schoolNameFrom(col(row, "CommonName", FILE));
  const indicator = schoolNameFrom(col(row, "Indicator", FILE));
  const specific = [landmark, common, indicator].find((n) => n !== undefined && !isGeneric(n));
  if (specific !== undefined) return { name: specific, qualified: false };
  const generic = [landmark, common]
    .filter((n): n is string => n !== undefined)
    .sort((a, b) => b.length - a.length)[0];
  if (generic === undefined) return undefined;
  return { name: `${col(row, "LocalityName", FILE)} ${generic}`, qualified: true };
}

function toSchoolStop(row: Row): SchoolStop | undefined {
  if (col(row, "Status", FILE) !== "active") return undefined;
  const named = stopSchoolName(row);
  if (named === undefined) return undefined;
  return {
    atco: col(row, "ATCOCode", FILE),
    name: named.name,
    locality: col(row, "LocalityName", FILE),
    tokens: new Set(named.qualified ? [] : distinctiveTokens(named.name)),
    lat: num(row, "lat_wgs84", FILE),
    lon: num(row, "lon_wgs84", FILE),
  };
}

function linked(a: SchoolStop, b: SchoolStop): boolean {
  if (haversineKm(a, b) > LINK_KM) return false;
  if (a.name === b.name) return true;
  return [...a.tokens].some((t) => b.tokens.has(t));
}

/** Single-linkage clusters, in ATCO order, so the output is deterministic. */
function cluster(stops: readonly SchoolStop[]): SchoolStop[][] {
  const parent = stops.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  for (let i = 0; i < stops.length; i++) {
    for (let j = i + 1; j < stops.length; j++) {
      const a = stops[i];
      const b = stops[j];
      if (a && b && linked(a, b)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, SchoolStop[]>();
  stops.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  return [...groups.values()];
}

/** The most common name among a school's stops; ties go to the longer name. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]),
  );
  const first = ranked[0];
  if (first === undefined) throw new Error("mostCommon of nothing");
  return first[0];
}

function toSchool(
  stops: readonly SchoolStop[],
): Omit<DerivedSchool, "name"> & { baseName: string } {
  const baseName = mostCommon(stops.map((s) => s.name));
  const atcoCodes = stops.map((s) => s.atco).sort();
  const { phase, keyword } = guessPhase(baseName);
  return {
    id: `naptan-${atcoCodes[0] ?? ""}`,
    baseName,
    phase,
    phaseKeyword: keyword,
    locality: mostCommon(stops.map((s) => s.locality)),
    atcoCodes,
    ...centroid(stops),
  };
}

/** Derives one school point per cluster of active stops named after the same school. */
export function deriveSchools(naptan: readonly Row[]): DerivedSchool[] {
  const stops = naptan
    .map(toSchoolStop)
    .filter((s): s is SchoolStop => s !== undefined)
    .sort((a, b) => a.atco.localeCompare(b.atco));
  const schools = cluster(stops).map(toSchool);
  const nameCounts = new Map<string, number>();
  for (const s of schools) nameCounts.set(s.baseName, (nameCounts.get(s.baseName) ?? 0) + 1);
  return schools
    .map(({ baseName, ...s }) => ({
      ...s,
      name: (nameCounts.get(baseName) ?? 0) > 1 ? `${baseName} (${s.locality})` : baseName,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
