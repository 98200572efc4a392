import { percentile, type Weekday, weekdayOf } from "@tt/domain";
import type { DailyBoardings, StoredPlan } from "../../ports";

/** A vehicle's runs on one weekday: what the plans expected against what the taps saw. */
export interface OccupancyRow {
  readonly vehicleId: string;
  readonly vehicleReference: string;
  readonly weekday: Weekday;
  readonly seats: number;
  /** Most on board at once in the operating plans of those days (seated and in wheelchairs); null without a plan. */
  readonly plannedTravellers: number | null;
  readonly daysObserved: number;
  readonly observedMean: number;
  readonly observedMax: number;
  /** The load at the chosen percentile of the days observed. */
  readonly observedAtPercentile: number;
  /** Seats to plan for: the percentile's load. */
  readonly suggestedSeats: number;
}

/** A run the operating plans hold that no tap has reached yet. */
export interface UncoveredRun {
  readonly vehicleId: string;
  readonly vehicleReference: string;
  readonly weekday: Weekday;
  readonly plannedTravellers: number;
}

export interface Occupancy {
  readonly from: string;
  readonly to: string;
  readonly percentile: number;
  readonly rows: readonly OccupancyRow[];
  readonly uncovered: readonly UncoveredRun[];
  /** Seats of the sweeper vehicle proposed for the uncovered runs (null when none is needed). */
  readonly sweeperSeats: number | null;
  /** Entitled passengers who never tapped in the period: their entitlement is worth a review. */
  readonly reviewCandidates: readonly { readonly id: string; readonly reference: string }[];
}

/** What occupancy is worked out from. */
export interface OccupancySources {
  readonly from: string;
  readonly to: string;
  readonly percentile: number;
  readonly boardings: readonly DailyBoardings[];
  /** The operating plans of the period's days. */
  readonly plans: readonly StoredPlan[];
  readonly vehicles: ReadonlyMap<string, { readonly reference: string; readonly seats: number }>;
  readonly reviewCandidates: readonly { readonly id: string; readonly reference: string }[];
}

/** Figures of one vehicle on one weekday, keyed by both. */
interface VehicleDay<T> {
  readonly vehicleId: string;
  readonly weekday: Weekday;
  value: T;
}

function slot<T>(map: Map<string, VehicleDay<T>>, vehicleId: string, date: string, empty: T) {
  const weekday = weekdayOf(date);
  const k = `${vehicleId}|${weekday}`;
  let found = map.get(k);
  if (!found) {
    found = { vehicleId, weekday, value: empty };
    map.set(k, found);
  }
  return found;
}

/** Most on board at once in each plan's run of each vehicle, the most of the weekday. */
function plannedByVehicleDay(plans: readonly StoredPlan[]): Map<string, VehicleDay<number>> {
  const out = new Map<string, VehicleDay<number>>();
  for (const plan of plans) {
    for (const run of plan.runs) {
      const peak = Math.max(0, ...run.stops.map((s) => (s.load[0] ?? 0) + (s.load[1] ?? 0)));
      const day = slot(out, run.vehicleId, plan.serviceDate, 0);
      day.value = Math.max(day.value, peak);
    }
  }
  return out;
}

function loadsByVehicleDay(
  boardings: readonly DailyBoardings[],
): Map<string, VehicleDay<number[]>> {
  const out = new Map<string, VehicleDay<number[]>>();
  for (const b of boardings) slot(out, b.vehicleId, b.serviceDate, []).value.push(b.travellers);
  return out;
}

const ORDER: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Observed occupancy per vehicle and weekday against the travellers planned, the seats to plan
 * for at the chosen percentile, and the planned runs no tap covers yet (for which a sweeper
 * vehicle is proposed until the taps come in, as Cambridgeshire did in the first weeks of term).
 */
export function occupancyOf(sources: OccupancySources): Occupancy {
  const planned = plannedByVehicleDay(sources.plans);
  const loads = loadsByVehicleDay(sources.boardings);
  const vehicle = (id: string) => sources.vehicles.get(id) ?? { reference: id, seats: 0 };
  const rows: OccupancyRow[] = [...loads].map(([k, { vehicleId, weekday, value: days }]) => {
    const atPercentile = percentile(days, sources.percentile);
    return {
      vehicleId,
      vehicleReference: vehicle(vehicleId).reference,
      weekday,
      seats: vehicle(vehicleId).seats,
      plannedTravellers: planned.get(k)?.value ?? null,
      daysObserved: days.length,
      observedMean: Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
      observedMax: Math.max(...days),
      observedAtPercentile: atPercentile,
      suggestedSeats: atPercentile,
    };
  });
  const uncovered: UncoveredRun[] = [...planned]
    .filter(([k, day]) => day.value > 0 && !loads.has(k))
    .map(([, { vehicleId, weekday, value }]) => ({
      vehicleId,
      vehicleReference: vehicle(vehicleId).reference,
      weekday,
      plannedTravellers: value,
    }));
  const byVehicleDay = (a: { vehicleReference: string; weekday: Weekday }, b: typeof a) =>
    a.vehicleReference.localeCompare(b.vehicleReference) ||
    ORDER.indexOf(a.weekday) - ORDER.indexOf(b.weekday);
  return {
    from: sources.from,
    to: sources.to,
    percentile: sources.percentile,
    rows: rows.sort(byVehicleDay),
    uncovered: uncovered.sort(byVehicleDay),
    sweeperSeats:
      uncovered.length > 0 ? Math.max(...uncovered.map((u) => u.plannedTravellers)) : null,
    reviewCandidates: sources.reviewCandidates,
  };
}
