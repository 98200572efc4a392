import {
  type AvailabilityGrant,
  type Contract,
  contractCosts,
  findMinutesOfDay,
  formatMinutesOfDay,
  grantAppliesOn,
  isContractInForce,
  type LapsedDocument,
  listLapsedDocuments,
  type Vehicle,
  vehicleLapses,
} from "@tt/domain";
import type { UnitOfWorkOf } from "../ports";
import { listEvery } from "./register-reads";

/** What finding an organisation's fleet reads: its vehicles and the grants it made or received. */
export type FleetRepositories = UnitOfWorkOf<"vehicles" | "grants">["repositories"];
/** What the day's fleet reads besides: the compliance documents of the vehicles' holders. */
export type DayFleetRepositories = UnitOfWorkOf<
  "vehicles" | "grants" | "compliance" | "contracts"
>["repositories"];

/**
 * A vehicle of the day as the organisation plans with it: a contract of its own in force that day
 * prices it (`contractPriced`), per trip included.
 */
export type DayVehicle = Vehicle & {
  /** Pence for each trip it carries, under a contract priced per trip. */
  readonly costPerTripPence?: number;
  /** The reference of the contract that prices it. */
  readonly contract?: string;
};

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * A granted vehicle as the grantee plans with it: the grantor's record, available only within the
 * grant's hours, at the grant's rates, under the grantee's own record of the operator (so its
 * passenger assistants ride it as before). Undefined when the hours do not meet.
 */
export function grantedVehicle(vehicle: Vehicle, grant: AvailabilityGrant): Vehicle | undefined {
  const from = later(vehicle.availableFrom, grant.startTime);
  const to = earlier(vehicle.availableTo, grant.endTime);
  if ((findMinutesOfDay(from) ?? 0) >= (findMinutesOfDay(to) ?? 0)) return undefined;
  const { operatorId: _theirs, ...rest } = vehicle;
  return Object.assign(
    {
      ...rest,
      availableFrom: formatMinutesOfDay(findMinutesOfDay(from) ?? 0),
      availableTo: formatMinutesOfDay(findMinutesOfDay(to) ?? 0),
      fixedCostPence: grant.fixedCostPence ?? vehicle.fixedCostPence,
      costPerKmPence: grant.costPerKmPence ?? vehicle.costPerKmPence,
      costPerHourPence: grant.costPerHourPence ?? vehicle.costPerHourPence,
    },
    grant.granteeOperatorId ? { operatorId: grant.granteeOperatorId } : {},
  );
}

/** A vehicle of the day's fleet held back because a document of its own or its holder's lapsed. */
export interface HeldBackVehicle {
  readonly vehicle: DayVehicle;
  readonly lapses: readonly LapsedDocument[];
}

/**
 * The vehicles an organisation plans with on `date` (`plannableVehicles`), and those it would
 * have but holds back: a compliance document of the vehicle, or of the organisation holding it
 * (its own, or the grantor's), lapsed before that day. A held-back vehicle is never planned.
 */
export async function dayFleet(
  repos: DayFleetRepositories,
  organisationId: string,
  date: string,
): Promise<{ vehicles: DayVehicle[]; heldBack: HeldBackVehicle[] }> {
  const fleet = contractPriced(
    await everyDayVehicle(repos, organisationId, date),
    await repos.contracts.signedOn([organisationId], date),
    date,
  );
  const holders = [...new Set(fleet.map((v) => v.organisationId))];
  const lapsed = listLapsedDocuments(await repos.compliance.listHeldBy(holders), date);
  if (lapsed.length === 0) return { vehicles: fleet, heldBack: [] };
  const vehicles: DayVehicle[] = [];
  const heldBack: HeldBackVehicle[] = [];
  for (const vehicle of fleet) {
    const lapses = vehicleLapses(lapsed, vehicle);
    if (lapses.length === 0) vehicles.push(vehicle);
    else heldBack.push({ vehicle, lapses });
  }
  return { vehicles, heldBack };
}

/**
 * The fleet with the vehicles a contract in force on `date` names priced by it: its price per day,
 * per mile or per trip, or its mileage rate, instead of the register's (or a grant's) rates. When
 * two contracts name a vehicle, the one started last prices it.
 */
export function contractPriced(
  fleet: readonly Vehicle[],
  contracts: readonly Contract[],
  date: string,
): DayVehicle[] {
  const byVehicle = new Map<string, Contract>();
  const latestFirst = contracts
    .filter((c) => isContractInForce(c, date))
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.reference.localeCompare(b.reference));
  for (const contract of latestFirst) {
    for (const id of contract.vehicleIds) if (!byVehicle.has(id)) byVehicle.set(id, contract);
  }
  if (byVehicle.size === 0) return [...fleet];
  return fleet.map((vehicle) => {
    const contract = byVehicle.get(vehicle.id);
    if (!contract) return vehicle;
    const { costPerTripPence, ...rates } = contractCosts(contract);
    const perTrip = costPerTripPence > 0 ? { costPerTripPence } : {};
    return { ...vehicle, ...rates, ...perTrip, contract: contract.reference };
  });
}

/** The vehicles an organisation plans with on `date`: `dayFleet`'s, less those held back. */
export async function plannableVehicles(
  repos: DayFleetRepositories,
  organisationId: string,
  date: string,
): Promise<Vehicle[]> {
  return (await dayFleet(repos, organisationId, date)).vehicles;
}

/**
 * Every vehicle of the organisation's day, by reference: its own, less those it has granted to
 * another organisation that day, and those granted to it for that day (each vehicle once: the
 * earliest-starting grant when two apply).
 */
async function everyDayVehicle(
  repos: FleetRepositories,
  organisationId: string,
  date: string,
): Promise<Vehicle[]> {
  const away = new Set(
    (await repos.grants.listMade(organisationId))
      .filter((g) => grantAppliesOn(g, date))
      .flatMap((g) => g.vehicleIds),
  );
  const own = (await listEvery(repos.vehicles, organisationId)).filter((v) => !away.has(v.id));
  const received = (await repos.grants.listReceived(organisationId))
    .filter((g) => grantAppliesOn(g, date))
    .sort((a, b) => a.startTime.localeCompare(b.startTime));
  const granted = new Map<string, Vehicle>();
  for (const grant of received) {
    const vehicles = await repos.vehicles.findByIds(grant.organisationId, grant.vehicleIds);
    for (const v of vehicles) {
      const usable = granted.has(v.id) ? undefined : grantedVehicle(v, grant);
      if (usable) granted.set(v.id, usable);
    }
  }
  if (granted.size === 0) return own;
  // By reference as the register lists them (code-unit order, as the embedded database sorts).
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...own, ...granted.values()].sort(
    (a, b) => byCodeUnits(a.reference, b.reference) || byCodeUnits(a.id, b.id),
  );
}

/** Vehicles by id among the organisation's own and those ever granted to it (any day). */
export async function findFleetVehicles(
  repos: FleetRepositories,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, Vehicle>> {
  const found = new Map(
    (await repos.vehicles.findByIds(organisationId, ids)).map((v) => [v.id, v] as const),
  );
  const rest = new Set(ids.filter((id) => !found.has(id)));
  if (rest.size === 0) return found;
  for (const grant of await repos.grants.listReceived(organisationId)) {
    const wanted = grant.vehicleIds.filter((id) => rest.has(id));
    if (wanted.length === 0) continue;
    for (const v of await repos.vehicles.findByIds(grant.organisationId, wanted)) {
      found.set(v.id, v);
      rest.delete(v.id);
    }
  }
  return found;
}
