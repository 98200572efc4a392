import { stopRequest } from "@tt/solver";
import type { AnalysisFunder, IntegrationScenario, SolvedPlan } from "../model/types";
import { colourOf, escapeHtml } from "./report-charts";

type Ring = readonly (readonly number[])[];

/** The little of GeoJSON the map reads: polygons and multipolygons with a name. */
export interface Boundaries {
  readonly features: readonly {
    readonly properties?: Readonly<Record<string, unknown>> | null;
    readonly geometry?:
      | { readonly type: "Polygon"; readonly coordinates: readonly Ring[] }
      | { readonly type: "MultiPolygon"; readonly coordinates: readonly (readonly Ring[])[] }
      | { readonly type: string; readonly coordinates?: unknown }
      | null;
  }[];
}

const WIDTH = 760;
const PAD = 12;
/** Runs carrying more than one funder's passengers. */
const SHARED_COLOUR = "#000000";

interface Projection {
  readonly height: number;
  point(lon: number, lat: number): string;
}

/**
 * Equirectangular projection scaled by cos(latitude) at the middle of the box: good enough at a
 * county's scale, and needs no library.
 */
function project(points: readonly (readonly number[])[]): Projection {
  const lons = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-9, (maxLon - minLon) * k);
  const spanY = Math.max(1e-9, maxLat - minLat);
  const scale = (WIDTH - 2 * PAD) / spanX;
  return {
    height: Math.ceil(spanY * scale + 2 * PAD),
    point: (lon, lat) =>
      `${(PAD + (lon - minLon) * k * scale).toFixed(1)},${(PAD + (maxLat - lat) * scale).toFixed(1)}`,
  };
}

function polygonsOf(feature: Boundaries["features"][number]): readonly Ring[][] {
  const g = feature.geometry;
  if (g?.type === "Polygon") return [[...(g.coordinates as readonly Ring[])]];
  if (g?.type === "MultiPolygon")
    return (g.coordinates as readonly (readonly Ring[])[]).map((p) => [...p]);
  return [];
}

function districtShapes(boundaries: Boundaries | undefined, p: Projection): string {
  return (boundaries?.features ?? [])
    .map((feature) => {
      const name = String(feature.properties?.LAD22NM ?? feature.properties?.name ?? "");
      const paths = polygonsOf(feature)
        .flatMap((polygon) =>
          polygon.map((ring) => `M${ring.map((c) => p.point(c[0] ?? 0, c[1] ?? 0)).join("L")}Z`),
        )
        .join("");
      return `<path d="${paths}" class="district"><title>${escapeHtml(name)}</title></path>`;
    })
    .join("");
}

/** A run of the pooled plan as the map draws it: [longitude, latitude] points in order. */
export interface MapRun {
  readonly vehicle: string;
  /** Funder keys of the passengers it carries, sorted. */
  readonly funders: readonly string[];
  readonly trips: number;
  readonly points: readonly (readonly [number, number])[];
}

/**
 * The pooled plan's runs with positions, for the map (depot, stops, depot). Empty when the
 * scenario has no positions. Positions are rounded to 0.001° (homes already are to 0.01°).
 */
export function mapRuns(scenario: IntegrationScenario, pooled: SolvedPlan): MapRun[] {
  const positions = scenario.positions;
  if (!positions || positions.length < pooled.problem.locations.length) return [];
  const where = (location: number) => positions[location];
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return pooled.solution.runs.flatMap((run) => {
    const vehicle = pooled.problem.vehicles.find((v) => v.id === run.vehicle);
    const requests = run.stops.map(stopRequest).filter((r): r is string => r !== undefined);
    if (!vehicle || requests.length === 0) return [];
    const locations = [vehicle.start, ...run.stops.map((s) => s.location), vehicle.end];
    const points = locations
      .map(where)
      .filter((q) => q !== undefined)
      .map(([lon, lat]) => [r3(lon), r3(lat)] as const);
    const funders = [...new Set(requests.map((r) => scenario.requests[r]?.funder ?? "?"))].sort();
    return [{ points, funders, vehicle: run.vehicle, trips: new Set(requests).size }];
  });
}

/**
 * The pooled plan's runs over the district boundaries, as inline SVG: each run in its funder's
 * colour, or black and dashed when it carries more than one funder's passengers, with a legend
 * and a title per run. Undefined when there are no runs to draw.
 */
export function runsMap(
  funders: readonly AnalysisFunder[],
  lines: readonly MapRun[],
  boundaries?: Boundaries,
): string | undefined {
  if (lines.length === 0) return undefined;
  const corners = (boundaries?.features ?? []).flatMap((f) => polygonsOf(f).flat(2));
  const used = lines.flatMap((l) => l.points);
  // The districts and every point drawn: a depot or stop outside the districts stays in view.
  const p = project([...corners, ...used]);
  const keys = funders.map((f) => f.key);
  const colour = (l: MapRun) =>
    l.funders.length === 1
      ? colourOf(Math.max(0, keys.indexOf(l.funders[0] ?? "")))
      : SHARED_COLOUR;
  const shared = lines.filter((l) => l.funders.length > 1).length;
  const body = lines
    .map(
      (l) =>
        `<polyline points="${l.points.map(([lon, lat]) => p.point(lon, lat)).join(" ")}" stroke="${colour(l)}"${l.funders.length > 1 ? ' stroke-dasharray="5 2"' : ""} class="run"><title>${escapeHtml(`Vehicle ${l.vehicle}: ${l.trips} trips; ${l.funders.join(", ")}`)}</title></polyline>`,
    )
    .join("");
  const description = `${lines.length} runs of the pooled plan over the district boundaries; ${shared} carry passengers of more than one funder. Homes are rounded to about 1 km.`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${p.height}" width="100%" role="img" aria-labelledby="map-t map-d" class="map">` +
    `<title id="map-t">Pooled runs</title><desc id="map-d">${escapeHtml(description)}</desc>` +
    `${districtShapes(boundaries, p)}${body}</svg>${mapLegend(funders, shared)}`
  );
}

function mapLegend(funders: readonly AnalysisFunder[], shared: number): string {
  const items = funders.map(
    (f, i) =>
      `<li><span class="swatch" style="background:${colourOf(i)}"></span>${escapeHtml(f.name)}: runs carrying only this funder's passengers</li>`,
  );
  items.push(
    `<li><span class="swatch swatch-shared"></span>Shared (dashed): ${shared} runs carrying more than one funder's passengers</li>`,
  );
  return `<ul class="legend">${items.join("")}</ul>`;
}
