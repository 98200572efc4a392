import { addDays } from "../entitlement/dates";
import { occursOn, type TermPeriod } from "../trips/occurrences";
import type { Recurrence } from "../trips/trip-request";
import { type Area, isInArea } from "./area";

/**
 * How a plan's runs are packaged into lots to buy: all the runs of one school (one school, one
 * operator); runs by the kind of vehicle they need; or runs joined one after another into whole
 * days of one vehicle (morning, midday and afternoon work together).
 */
export const LOT_RULES = ["school", "vehicle-type", "time-band", "area"] as const;
export type LotRule = (typeof LOT_RULES)[number];

/** Minutes between one run's last stop and the next run's first, at least, to join them [D]. */
export const JOIN_GAP_MINUTES = 30;

/** A run of a plan as lots read it: no passenger, only its vehicle, times, load and cost. */
export interface LotRunInput {
  readonly vehicleId: string;
  readonly vehicleReference: string;
  readonly vehicleKind: string;
  /** Minutes after midnight of its first and last stop. */
  readonly start: number;
  readonly end: number;
  /** The most seats and wheelchair spaces in use at once. */
  readonly seats: number;
  readonly wheelchairs: number;
  readonly costPence: number;
  /** Its trips: the school each serves (a place), if any, and the days a year it travels. */
  readonly trips: readonly { readonly school?: string; readonly daysPerYear: number }[];
  /** Where its stops are (rule `area` only). */
  readonly points?: readonly { readonly lat: number; readonly lon: number }[];
}

export interface LotRun {
  readonly vehicleId: string;
  readonly vehicleReference: string;
  readonly start: number;
  readonly end: number;
  readonly trips: number;
  readonly costPence: number;
}

export interface Lot {
  readonly name: string;
  readonly runs: readonly LotRun[];
  /** Days a year the lot's work is done: its trips' most. */
  readonly daysPerYear: number;
  /** What a day of its runs costs as planned, and that a year (an estimate: every run every day). */
  readonly costPerDayPence: number;
  readonly estimatedCostPence: number;
  /** The vehicle it needs: seats and wheelchair spaces at the busiest moment, and kinds planned. */
  readonly needs: {
    readonly seats: number;
    readonly wheelchairs: number;
    readonly vehicleKinds: readonly string[];
  };
}

/** Days in the year from `from` (365 days) on which a trip with this recurrence travels. */
export function daysPerYear(
  recurrence: Recurrence,
  from: string,
  terms?: readonly TermPeriod[],
): number {
  let days = 0;
  for (let k = 0; k < 365; k++) if (occursOn(recurrence, addDays(from, k), terms)) days++;
  return days;
}

/** A consortium's delegated area, named for its lot (rule `area`). */
export interface NamedArea {
  readonly name: string;
  readonly area: Area;
}

/**
 * Packages the runs into lots by `rule`; `schoolNames` names the schools' places; `areas` are the
 * consortia's areas for rule `area` (area micro-franchises).
 */
export function buildLots(
  rule: LotRule,
  runs: readonly LotRunInput[],
  schoolNames: ReadonlyMap<string, string>,
  areas: readonly NamedArea[] = [],
): Lot[] {
  const groups =
    rule === "school"
      ? bySchool(runs, schoolNames)
      : rule === "vehicle-type"
        ? byVehicleType(runs)
        : rule === "area"
          ? byArea(runs, areas)
          : intoWholeDays(runs);
  return groups
    .map(([name, members]) => lotOf(name, members))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const NO_SCHOOL = "Runs serving no school";

/** Each run in the lot of the school most of its trips serve. */
function bySchool(
  runs: readonly LotRunInput[],
  names: ReadonlyMap<string, string>,
): [string, LotRunInput[]][] {
  const groups = new Map<string, LotRunInput[]>();
  for (const run of runs) {
    const counts = new Map<string, number>();
    for (const t of run.trips) if (t.school) counts.set(t.school, (counts.get(t.school) ?? 0) + 1);
    const [school] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    const name = school ? (names.get(school) ?? school) : NO_SCHOOL;
    groups.set(name, [...(groups.get(name) ?? []), run]);
  }
  return [...groups];
}

export const OUTSIDE_AREAS = "Runs outside every consortium area";

/**
 * Area micro-franchises: a run whose stops all lie in one consortium's area goes to that area's
 * lot (the first area, by name, holding them all); every other run to one lot apart.
 */
function byArea(
  runs: readonly LotRunInput[],
  areas: readonly NamedArea[],
): [string, LotRunInput[]][] {
  const sorted = [...areas].sort((a, b) => a.name.localeCompare(b.name));
  const groups = new Map<string, LotRunInput[]>();
  for (const run of runs) {
    const points = run.points ?? [];
    const home = sorted.find((a) => points.length > 0 && points.every((p) => isInArea(a.area, p)));
    const name = home ? home.name : OUTSIDE_AREAS;
    groups.set(name, [...(groups.get(name) ?? []), run]);
  }
  return [...groups];
}

function byVehicleType(runs: readonly LotRunInput[]): [string, LotRunInput[]][] {
  const groups = new Map<string, LotRunInput[]>();
  for (const run of runs) {
    const name = `${run.vehicleKind}${run.wheelchairs > 0 ? " with wheelchair space" : ""}`;
    groups.set(name, [...(groups.get(name) ?? []), run]);
  }
  return [...groups];
}

/**
 * Runs joined into whole days: earliest first, each chain takes the next run starting at least
 * `JOIN_GAP_MINUTES` after its last one ends, so one vehicle (big enough for the busiest) can do
 * the morning, midday and afternoon work of the chain.
 */
function intoWholeDays(runs: readonly LotRunInput[]): [string, LotRunInput[]][] {
  const left = [...runs].sort(
    (a, b) => a.start - b.start || a.vehicleId.localeCompare(b.vehicleId),
  );
  const chains: LotRunInput[][] = [];
  while (left.length > 0) {
    const chain = [left.shift()!];
    for (let k = 0; k < left.length; ) {
      const last = chain[chain.length - 1]!;
      if (left[k]!.start >= last.end + JOIN_GAP_MINUTES) chain.push(...left.splice(k, 1));
      else k++;
    }
    chains.push(chain);
  }
  const width = String(chains.length).length;
  return chains.map((chain, i) => [`Whole day ${String(i + 1).padStart(width, "0")}`, chain]);
}

function lotOf(name: string, members: readonly LotRunInput[]): Lot {
  const runs = [...members].sort((a, b) => a.start - b.start);
  const costPerDayPence = runs.reduce((sum, r) => sum + r.costPence, 0);
  const days = Math.max(0, ...runs.flatMap((r) => r.trips.map((t) => t.daysPerYear)));
  return {
    name,
    runs: runs.map((r) => ({
      vehicleId: r.vehicleId,
      vehicleReference: r.vehicleReference,
      start: r.start,
      end: r.end,
      trips: r.trips.length,
      costPence: r.costPence,
    })),
    daysPerYear: days,
    costPerDayPence,
    estimatedCostPence: costPerDayPence * days,
    needs: {
      seats: Math.max(0, ...runs.map((r) => r.seats)),
      wheelchairs: Math.max(0, ...runs.map((r) => r.wheelchairs)),
      vehicleKinds: [...new Set(runs.map((r) => r.vehicleKind))].sort(),
    },
  };
}
