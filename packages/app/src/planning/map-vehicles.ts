import {
  describeLapsedCheck,
  findMinutesOfDay,
  listLapsedChecks,
  type Staff,
  type Vehicle,
  weekdayOf,
} from "@tt/domain";
import type { Vehicle as SolverVehicle } from "@tt/solver";
import type { DayVehicle } from "./fleet-reads";
import type { LocationIndex } from "./locations";
import { driverBreaks, vehicleFeatures } from "./planning-rules";

/** The standard layout first, then each different alternative, as `[seats, wheelchairs]`. */
export function vehicleLayouts(v: Vehicle): number[][] {
  const out: number[][] = [[v.seats, v.wheelchairSpaces]];
  for (const l of v.layouts) {
    if (!out.some(([s, w]) => s === l.seats && w === l.wheelchairSpaces)) {
      out.push([l.seats, l.wheelchairSpaces]);
    }
  }
  return out;
}

/**
 * Which vehicles carry a passenger assistant (PA) on `date`. The register does not roster PAs to
 * vehicles yet, so the rule is: each PA of an operator who is on shift that weekday, with a DBS
 * check in date, rides one of that operator's vehicles, taken in order of most wheelchair spaces,
 * then most seats, then reference. Ambulances always have a crew of two, so they count as having
 * an assistant. Vehicles with no operator share the PAs with no operator.
 */
export function vehiclesWithAssistant(
  vehicles: readonly Vehicle[],
  staff: readonly Staff[],
  date: string,
): Set<string> {
  const weekday = weekdayOf(date);
  const assistants = new Map<string, number>();
  for (const s of staff) {
    if (s.role !== "passenger-assistant" || listLapsedChecks(s, date).length > 0) continue;
    if (!s.shifts.some((shift) => shift.weekdays.includes(weekday))) continue;
    const key = s.operatorId ?? "";
    assistants.set(key, (assistants.get(key) ?? 0) + 1);
  }
  const out = new Set(vehicles.filter((v) => v.kind === "ambulance").map((v) => v.id));
  const ranked = vehicles
    .filter((v) => v.kind !== "ambulance")
    .sort(
      (a, b) =>
        maxWheelchairs(b) - maxWheelchairs(a) ||
        b.seats - a.seats ||
        a.reference.localeCompare(b.reference),
    );
  for (const v of ranked) {
    const key = v.operatorId ?? "";
    const left = assistants.get(key) ?? 0;
    if (left <= 0) continue;
    out.add(v.id);
    assistants.set(key, left - 1);
  }
  return out;
}

/**
 * The passenger assistants on shift on `date` who are not rostered because a check has lapsed:
 * "PA-03's DBS check expired on 2026-09-01" (or "… has none recorded").
 */
export function assistantsHeldBack(staff: readonly Staff[], date: string): string[] {
  const weekday = weekdayOf(date);
  return staff
    .filter(
      (s) =>
        s.role === "passenger-assistant" &&
        s.shifts.some((shift) => shift.weekdays.includes(weekday)),
    )
    .flatMap((s) => listLapsedChecks(s, date).map((check) => describeLapsedCheck(s, check)));
}

function maxWheelchairs(v: Vehicle): number {
  return Math.max(...vehicleLayouts(v).map(([, w]) => w ?? 0));
}

/** A register vehicle as a solver vehicle: depot, shift, layouts, features, costs in pounds. */
export function mapVehicle(
  v: DayVehicle,
  locations: LocationIndex,
  hasAssistant: boolean,
): SolverVehicle {
  const depot = locations.add({ lat: v.depotLat, lon: v.depotLon }, `depot:${v.id}`, v.reference);
  const layouts = vehicleLayouts(v);
  const maxSeats = Math.max(...layouts.map(([s]) => s ?? 0));
  return {
    id: v.id,
    start: depot,
    end: depot,
    shift: [findMinutesOfDay(v.availableFrom) ?? 0, findMinutesOfDay(v.availableTo) ?? 1439],
    layouts,
    features: vehicleFeatures(v.features),
    hasAssistant,
    breaks: driverBreaks(maxSeats),
    costs: {
      fixed: v.fixedCostPence / 100,
      perDistance: v.costPerKmPence / 100,
      perHour: v.costPerHourPence / 100,
      ...(v.costPerTripPence ? { perTrip: v.costPerTripPence / 100 } : {}),
    },
  };
}
