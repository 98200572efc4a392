import { haversineMetres, type LatLon, type PlaceInput } from "@tt/domain";
import type { DemoBusStop } from "./geography";

/** Furthest a mainstream pupil walks to a pick-up point, straight line (data/README.md) [D]. */
export const PICK_UP_WALK_METRES = 800;

/**
 * Side of a grid cell in degrees: 0.012° is 1.3 km of latitude and 0.82 km of longitude at 52° N,
 * both more than the walk, so the 3 × 3 cells around a home hold every stop within reach.
 */
const CELL_DEGREES = 0.012;

/**
 * The bus stops mainstream pupils board at. A pupil walks to the nearest stop within
 * {@link PICK_UP_WALK_METRES} that is already a pick-up point for their school, else to the nearest
 * stop within that distance, which becomes one; with no stop that close they are collected from
 * home. So pupils of one school in one village share a stop, as on a council's coach route.
 * Stops are kept in the order first used, each once, as `stop` places named after the stop.
 */
export class PickUpPoints {
  private readonly grid = new Map<string, DemoBusStop[]>();
  private readonly used = new Map<string, PlaceInput>();
  private readonly bySchool = new Map<string, Set<string>>();

  constructor(stops: readonly DemoBusStop[]) {
    for (const stop of stops) {
      const key = cellKey(stop);
      const cell = this.grid.get(key);
      if (cell) cell.push(stop);
      else this.grid.set(key, [stop]);
    }
  }

  /** The pick-up point for a pupil of `schoolReference` living at `home`, or none within reach. */
  pointFor(home: LatLon, schoolReference: string): PlaceInput | undefined {
    const near = this.within(home);
    if (near.length === 0) return undefined;
    const shared = this.bySchool.get(schoolReference) ?? new Set<string>();
    const chosen = near.find((n) => shared.has(n.stop.atcoCode)) ?? near[0]!;
    shared.add(chosen.stop.atcoCode);
    this.bySchool.set(schoolReference, shared);
    return this.placeOf(chosen.stop);
  }

  /** Every stop used as a pick-up point, in the order first used. */
  places(): PlaceInput[] {
    return [...this.used.values()];
  }

  /** Stops within walking distance of `point`, nearest first (ties by ATCO code). */
  private within(point: LatLon): { stop: DemoBusStop; metres: number }[] {
    const out: { stop: DemoBusStop; metres: number }[] = [];
    const row = Math.floor(point.lat / CELL_DEGREES);
    const col = Math.floor(point.lon / CELL_DEGREES);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        for (const stop of this.grid.get(`${row + dr}:${col + dc}`) ?? []) {
          const metres = haversineMetres(point, stop);
          if (metres <= PICK_UP_WALK_METRES) out.push({ stop, metres });
        }
      }
    }
    return out.sort(
      (a, b) => a.metres - b.metres || a.stop.atcoCode.localeCompare(b.stop.atcoCode),
    );
  }

  private placeOf(stop: DemoBusStop): PlaceInput {
    const existing = this.used.get(stop.atcoCode);
    if (existing) return existing;
    const side = stop.indicator ? ` (${stop.indicator})` : "";
    const place: PlaceInput = {
      reference: `STOP-${stop.atcoCode}`,
      name: `${stop.locality}, ${stop.name}${side}`.slice(0, 120),
      kind: "stop",
      lat: stop.lat,
      lon: stop.lon,
      externalCode: stop.atcoCode,
    };
    this.used.set(stop.atcoCode, place);
    return place;
  }
}

function cellKey(point: LatLon): string {
  return `${Math.floor(point.lat / CELL_DEGREES)}:${Math.floor(point.lon / CELL_DEGREES)}`;
}
