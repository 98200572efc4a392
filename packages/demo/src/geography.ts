import type { Random } from "@tt/domain";
import { haversineMetres, type LatLon } from "@tt/domain";

/**
 * The open geography the demo is built on, as plain records. The CLI fills it from the typed
 * loaders of `data/` (see data/README.md); `app` does not depend on them.
 */
export interface DemoGeography {
  readonly schools: readonly DemoSchool[];
  readonly hospitals: readonly DemoHospital[];
  readonly gpPractices: readonly DemoGpPractice[];
  readonly lsoas: readonly DemoLsoa[];
  readonly localities: readonly DemoLocality[];
  /** Active on-street NaPTAN bus stops: mainstream pupils' pick-up points. */
  readonly busStops: readonly DemoBusStop[];
}

export interface DemoBusStop extends LatLon {
  readonly atcoCode: string;
  readonly name: string;
  readonly indicator: string;
  readonly locality: string;
}

export interface DemoSchool extends LatLon {
  readonly id: string;
  readonly name: string;
  /** As derived from the stop name: primary, secondary, post-16, nursery, unknown… */
  readonly phase: string;
  readonly locality: string;
  readonly districtCode: string;
}

export interface DemoHospital extends LatLon {
  readonly id: string;
  readonly odsCode: string;
  readonly name: string;
  readonly postcode: string;
  /** Empty outside the six districts. */
  readonly districtCode: string | undefined;
  readonly renalDialysis: boolean;
}

export interface DemoGpPractice extends LatLon {
  readonly odsCode: string;
  readonly name: string;
  readonly postcode: string;
  readonly districtCode: string;
}

export interface DemoLsoa extends LatLon {
  readonly code: string;
  readonly name: string;
  readonly districtCode: string;
  /** Mid-2017 population. */
  readonly population: number;
  /** IoD 2019 income domain; decile 1 = most deprived 10% in England. */
  readonly income: { readonly decile: number };
  readonly rural: boolean;
}

export interface DemoLocality extends LatLon {
  readonly nptgLocalityCode: string;
  readonly name: string;
  readonly parentLocalityName: string | undefined;
  readonly districtCode: string;
}

/** Peterborough City Council's district (unitary); the other five are Cambridgeshire's. */
export const PETERBOROUGH_DISTRICT = "E06000031";

/** Box around Cambridgeshire & Peterborough with a small margin (WGS84): every home is inside. */
export const DEMO_BOUNDS = { minLat: 51.95, maxLat: 52.79, minLon: -0.55, maxLon: 0.56 } as const;

export const METRES_PER_MILE = 1609.344;

export function isInDemoBounds(point: LatLon): boolean {
  return (
    point.lat >= DEMO_BOUNDS.minLat &&
    point.lat <= DEMO_BOUNDS.maxLat &&
    point.lon >= DEMO_BOUNDS.minLon &&
    point.lon <= DEMO_BOUNDS.maxLon
  );
}

/** A point moved uniformly within `radiusMetres` of `centre` (rounded to 6 dp, ~0.1 m). */
export function jitter(random: Random, centre: LatLon, radiusMetres: number): LatLon {
  const distance = radiusMetres * Math.sqrt(random.next());
  const bearing = random.next() * 2 * Math.PI;
  const dLat = (distance * Math.cos(bearing)) / 111_320;
  const dLon = (distance * Math.sin(bearing)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: round6(centre.lat + dLat), lon: round6(centre.lon + dLon) };
}

/** The `count` items nearest to `point`, nearest first. */
export function nearest<T extends LatLon>(point: LatLon, items: readonly T[], count = 1): T[] {
  return items
    .map((item) => ({ item, d: haversineMetres(point, item) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((x) => x.item);
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The locality with this exact name, a top-level one (a town or village centre) first. */
export function getLocality(localities: readonly DemoLocality[], name: string): DemoLocality {
  const found =
    localities.find((l) => l.name === name && !l.parentLocalityName) ??
    localities.find((l) => l.name === name);
  if (!found) throw new Error(`the demo needs the locality "${name}" in localities.csv`);
  return found;
}
