import {
  isAllowed,
  type Passenger,
  type Place,
  type Role,
  type TripRequest,
  type Vehicle,
} from "@tt/domain";
import type { PlanRun, StoredPlan, UnitOfWorkOf } from "../ports";
import type { Actor } from "../shared";
import { AppError, notFound, recordRead } from "../shared";
import { findFleetVehicles, plannableVehicles } from "./fleet-reads";
import { buildManifest, type Manifest } from "./manifest";
import { vehiclesWithAssistant } from "./map-vehicles";
import { findEach, listEvery, placeIds } from "./register-reads";
import { runScopeOf, scopeAllows } from "./run-scope";

/** Roles that operate runs: they read the manifest without planning. */
export const OPERATING_ROLES: readonly Role[] = ["operator", "driver"];

/**
 * A manifest names passengers, their homes and needs, so only roles that plan runs (`plans` write)
 * or operate them (operators and drivers) may read it. Others who read plans (finance, booking
 * agents) see runs by trip request id only.
 */
export function mayReadManifest(role: Role): boolean {
  if (!isAllowed(role, "plans", "read")) return false;
  return isAllowed(role, "plans", "write") || OPERATING_ROLES.includes(role);
}

/** What a manifest reads: the plan, the register rows its run names, and the audit log. */
export type ManifestUnitOfWork = UnitOfWorkOf<
  | "plans"
  | "vehicles"
  | "grants"
  | "compliance"
  | "contracts"
  | "tripRequests"
  | "passengers"
  | "places"
  | "staff"
  | "audit"
  | "crew"
  | "sharing"
>;

/** A partnership's plan has no manifests: members share passengers with it without names. */
function noPartnershipManifests(partnership: string): AppError {
  return new AppError(
    "conflict",
    `${partnership}'s plans have no manifests: a manifest names passengers, and the members share their passengers with the partnership for planning without names. The manifests of a pooled run are printed by the member or operator whose driver runs it.`,
  );
}

/**
 * A run's printable manifest for its driver and passenger assistant; every read is audited. A
 * driver or fleet manager asking for a run that is not theirs (`runScopeOf`) is told it is not
 * found, as for a run that does not exist.
 */
export class ManifestService {
  constructor(private readonly unitOfWork: ManifestUnitOfWork) {}

  async getManifest(actor: Actor, planId: string, vehicleId: string): Promise<Manifest> {
    if (!mayReadManifest(actor.role)) {
      throw new AppError(
        "forbidden",
        `Your role (${actor.role}) may not read run manifests: they name passengers, so only roles that plan or operate runs may.`,
      );
    }
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const plan = await repos.plans.find(org, planId);
      if (!plan) throw notFound("plan", planId);
      const partnership = await repos.sharing.findPartnership(org);
      if (partnership) throw noPartnershipManifests(partnership.name);
      const scope = await runScopeOf(repos, actor, plan.serviceDate);
      const run = plan.runs.find((r) => r.vehicleId === vehicleId && scopeAllows(scope, vehicleId));
      const vehicle = run
        ? (await findFleetVehicles(repos, org, [vehicleId])).get(vehicleId)
        : undefined;
      if (!run || !vehicle) throw notFound(`run in plan ${planId} for vehicle`, vehicleId);
      const { manifest, passengers } = await loadManifest(repos, actor, plan, run, vehicle);
      await recordRead(repos, actor, {
        resource: "passengers",
        ids: [...passengers.keys()],
        purpose: `manifest: run of ${vehicle.reference} on ${plan.serviceDate}`,
        details: { planId, vehicleId, stops: run.stops.length },
      });
      return manifest;
    });
  }
}

type ManifestRepositories = ManifestUnitOfWork["repositories"];

/** A manifest with the register rows it joined: its trips and passengers by id. */
export interface LoadedManifest {
  readonly manifest: Manifest;
  readonly trips: ReadonlyMap<string, TripRequest>;
  readonly passengers: ReadonlyMap<string, Passenger>;
}

/**
 * Reads what a run's manifest joins and builds it; the caller audits the read with its purpose.
 * The run must be one the actor may see (`runScopeOf`).
 */
export async function loadManifest(
  repos: ManifestRepositories,
  actor: Actor,
  plan: StoredPlan,
  run: PlanRun,
  vehicle: Vehicle,
  /** The day's vehicles with an assistant, when the caller reads many runs (one audit row). */
  assistants?: ReadonlySet<string>,
): Promise<LoadedManifest> {
  // The plan's organisation holds its passengers: the actor's own, or one that shares them
  // under an agreement for operating runs (a vehicle granted to it).
  const org = plan.organisationId;
  const tripIds = run.stops.flatMap((s) => (s.kind === "break" ? [] : [s.tripRequestId]));
  const trips = await findEach(repos.tripRequests, org, tripIds);
  const passengers: Map<string, Passenger> = await findEach(
    repos.passengers,
    org,
    [...trips.values()].map((t) => t.passengerId),
  );
  const places: Map<string, Place> = await findEach(repos.places, org, placeIds(trips.values()));
  const withAssistant =
    assistants ?? (await vehiclesWithAssistantOn(repos, actor, plan.serviceDate, [vehicle.id]));
  const assistant = withAssistant.has(vehicle.id);
  const sources = { vehicle, passengerAssistant: assistant, trips, passengers, places };
  return { manifest: buildManifest(plan, run, sources), trips, passengers };
}

/**
 * Whether the vehicle carries a passenger assistant that day, by the planning rule
 * (`vehiclesWithAssistant`): staff rows are read to count assistants on shift, never shown.
 */
/**
 * The vehicles that carry a passenger assistant that day, by the planning rule
 * (`vehiclesWithAssistant`): staff rows are read to count assistants on shift, never shown. One
 * audit row for the read, however many runs it serves.
 */
export async function vehiclesWithAssistantOn(
  repos: ManifestRepositories,
  actor: Actor,
  date: string,
  vehicleIds: readonly string[],
): Promise<ReadonlySet<string>> {
  const org = actor.organisationId;
  const staff = await listEvery(repos.staff, org);
  const vehicles = await plannableVehicles(repos, org, date);
  const assistants = staff.filter((s) => s.role === "passenger-assistant").map((s) => s.id);
  if (assistants.length > 0) {
    await recordRead(repos, actor, {
      resource: "staff",
      ids: assistants,
      purpose: `manifest: passenger assistants on shift on ${date}`,
      details: { vehicles: vehicleIds.length },
    });
  }
  return vehiclesWithAssistant(vehicles, staff, date);
}
