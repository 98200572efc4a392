import { emissionClassOf, type Funder, SERVICES, type Vehicle } from "@tt/domain";
import { type BuiltProblem, type DayRegister, serviceOf } from "../planning";
import type {
  AnalysisFunder,
  IntegrationScenario,
  MixingPolicy,
  RequestTag,
  VehicleTag,
} from "./model/types";

/** The services a register's trip requests belong to, by purpose (and funder for post-16). */
export const REGISTER_SERVICES = SERVICES;

export { serviceOf };

/** Which funders' silo fleets a vehicle joins, by the start of its reference; see `vehicleFunders`. */
export type FleetAllocation = Readonly<Record<string, readonly string[]>>;

export interface RegisterScenarioInput {
  readonly name: string;
  readonly register: DayRegister;
  readonly built: BuiltProblem;
  readonly funders: readonly Funder[];
  readonly mixing: MixingPolicy;
  readonly fleet?: FleetAllocation;
  /**
   * Vehicle id → the funder ids whose silos contract it (a partnership's members' fleets); used
   * when no `fleet` is given.
   */
  readonly fleetById?: ReadonlyMap<string, readonly string[]>;
  /** Funder id → the name of the organisation that holds it (default: `name`). */
  readonly organisationOf?: ReadonlyMap<string, string>;
}

/** A stable, readable key per funder: its name in kebab case, numbered when two names clash. */
function funderKeys(funders: readonly Funder[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const f of [...funders].sort((a, b) => a.id.localeCompare(b.id))) {
    const base =
      f.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "funder";
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    keys.set(f.id, key);
  }
  return keys;
}

/**
 * The funders (by id) whose silo fleets include the vehicle: those of the longest prefix in
 * `fleet` that starts its reference, among the analysed funders. With no `fleet`, no matching
 * prefix, or only funders with no demand that day, every analysed funder may use it.
 */
export function vehicleFunders(
  vehicle: Pick<Vehicle, "reference">,
  analysed: readonly string[],
  fleet?: FleetAllocation,
): string[] {
  const prefixes = Object.keys(fleet ?? {}).filter((p) => vehicle.reference.startsWith(p));
  const longest = prefixes.sort((a, b) => b.length - a.length)[0];
  const named = longest === undefined ? [] : (fleet?.[longest] ?? []);
  const chosen = analysed.filter((id) => named.includes(id));
  return chosen.length > 0 ? chosen : [...analysed];
}

/**
 * The analysed funders whose silos may use the vehicle: by `fleet`, else `fleetById`, else the
 * budgets its own record names.
 */
function siloFunderIds(
  vehicle: Pick<Vehicle, "id" | "reference" | "funderIds">,
  analysed: readonly string[],
  input: Pick<RegisterScenarioInput, "fleet" | "fleetById">,
): string[] {
  if (input.fleet) return vehicleFunders(vehicle, analysed, input.fleet);
  const named = input.fleetById?.get(vehicle.id) ?? vehicle.funderIds;
  const chosen = analysed.filter((id) => named.includes(id));
  return chosen.length > 0 ? chosen : [...analysed];
}

/**
 * An organisation's day as an integration scenario: the funders with demand that day, every
 * planned request tagged with its funder and service, every vehicle with the funders whose silo
 * may use it and its emission class, and positions for the map (homes rounded to 0.01°).
 */
export function scenarioFromRegister(input: RegisterScenarioInput): IntegrationScenario {
  const { register, built } = input;
  const byId = new Map(register.tripRequests.map((t) => [t.id, t]));
  const funderById = new Map(input.funders.map((f) => [f.id, f]));
  const keys = funderKeys(input.funders);
  const requests: Record<string, RequestTag> = {};
  const withDemand = new Set<string>();
  for (const r of built.problem.requests) {
    const trip = byId.get(r.id);
    if (!trip) throw new Error(`analysis: planned request ${r.id} is not in the register`);
    const funder = funderById.get(trip.funderId);
    withDemand.add(trip.funderId);
    const key = keys.get(trip.funderId) ?? trip.funderId;
    requests[r.id] = { funder: key, service: serviceOf(trip.purpose, funder?.kind) };
  }
  const analysed = [...withDemand].sort();
  const funders: AnalysisFunder[] = analysed.map((id) => {
    const holder = funderById.get(id)?.organisationId;
    return {
      key: keys.get(id) ?? id,
      name: funderById.get(id)?.name ?? `Funder ${id}`,
      organisation: input.organisationOf?.get(id) ?? input.name,
      ...(holder ? { organisationId: holder } : {}),
    };
  });
  const vehicles: Record<string, VehicleTag> = {};
  for (const v of register.vehicles) {
    const ids = siloFunderIds(v, analysed, input);
    vehicles[v.id] = {
      funders: ids.map((id) => keys.get(id) ?? id),
      emissionClass: emissionClassOf(v.kind),
      ...(v.co2GramsPerKm === undefined ? {} : { co2GramsPerKm: v.co2GramsPerKm }),
    };
  }
  return {
    name: input.name,
    date: register.date,
    funders,
    problem: built.problem,
    requests,
    vehicles,
    mixing: input.mixing,
    positions: positionsOf(register, built),
  };
}

/** [lon, lat] per location from its id (`home:`, `place:`, `depot:`); homes rounded to 0.01°. */
function positionsOf(register: DayRegister, built: BuiltProblem): [number, number][] {
  const homes = new Map(register.passengers.map((p) => [p.id, p]));
  const places = new Map(register.places.map((p) => [p.id, p]));
  const depots = new Map(register.vehicles.map((v) => [v.id, v]));
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return built.problem.locations.map(({ id }) => {
    const [kind, ...rest] = id.split(":");
    const key = rest.join(":");
    const home = kind === "home" ? homes.get(key) : undefined;
    if (home?.homeLat !== undefined && home.homeLon !== undefined)
      return [r2(home.homeLon), r2(home.homeLat)];
    const place = kind === "place" ? places.get(key) : undefined;
    if (place) return [place.lon, place.lat];
    const depot = kind === "depot" ? depots.get(key) : undefined;
    if (depot) return [depot.depotLon, depot.depotLat];
    return [0, 0];
  });
}
