import { foldRunEvents, isoDateSchema, type Passenger } from "@tt/domain";
import {
  findFleetVehicles,
  loadManifest,
  type ManifestUnitOfWork,
  runScopeOf,
  scopeAllows,
  vehiclesWithAssistantOn,
} from "../planning";
import type { UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, parseInput, recordRead } from "../shared";
import { type DriverRun, driverRunOf } from "./driver-run";
import { findOperatingPlan } from "./operating-day";

/** What the driver's day reads: the manifest's rows and the events already marked. */
export type DriverRunUnitOfWork = UnitOfWorkOf<
  keyof ManifestUnitOfWork["repositories"] | "runEvents"
>;

/** The driver's day: the runs they crew in the day's operating plan. */
export interface DriverDay {
  readonly serviceDate: string;
  /** False when the day has no operating plan yet. */
  readonly published: boolean;
  readonly runs: readonly DriverRun[];
}

/** Roles whose users see their own runs (`runScopeOf`); planners read manifests instead. */
const CREW_ROLES = new Set(["driver", "operator"]);

/**
 * A driver's or assistant's phone: the runs their staff record crews on the day (a fleet manager:
 * their operator's runs) in the operating plan, cut down to what the road needs, with what has
 * been marked so far. Every open is audited, naming the passengers read.
 */
export class DriverRunService {
  constructor(private readonly unitOfWork: DriverRunUnitOfWork) {}

  async day(actor: Actor, date: unknown): Promise<DriverDay> {
    authorise(actor, "run-events", "write");
    if (!CREW_ROLES.has(actor.role)) {
      throw new AppError(
        "forbidden",
        `The driver's app shows the runs a driver crews; your role (${actor.role}) reads a run's manifest from the plan instead.`,
      );
    }
    const serviceDate = parseInput(isoDateSchema, date, "date");
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const plan = await findOperatingPlan(repos, org, serviceDate);
      if (!plan) return { serviceDate, published: false, runs: [] };
      const scope = await runScopeOf(repos, actor, serviceDate);
      const runs = plan.runs.filter((r) => scopeAllows(scope, r.vehicleId) && !("every" in scope));
      const vehicles = await findFleetVehicles(
        repos,
        org,
        runs.map((r) => r.vehicleId),
      );
      const events = await repos.runEvents.listForDay(
        org,
        serviceDate,
        runs.map((r) => r.vehicleId),
      );
      const progress = foldRunEvents(events);
      const out: DriverRun[] = [];
      const read: string[] = [];
      const assistants =
        runs.length > 0
          ? await vehiclesWithAssistantOn(repos, actor, serviceDate, [...vehicles.keys()])
          : new Set<string>();
      for (const run of runs) {
        const vehicle = vehicles.get(run.vehicleId);
        if (!vehicle) continue;
        const loaded = await loadManifest(repos, actor, plan, run, vehicle, assistants);
        const passengerOfTrip = new Map<string, Passenger>();
        for (const [tripId, trip] of loaded.trips) {
          const passenger = loaded.passengers.get(trip.passengerId);
          if (passenger) passengerOfTrip.set(tripId, passenger);
        }
        read.push(...loaded.passengers.keys());
        out.push(driverRunOf(loaded.manifest, { passengerOfTrip, progress }));
      }
      if (read.length === 0) return { serviceDate, published: true, runs: out };
      await recordRead(repos, actor, {
        resource: "passengers",
        ids: read,
        purpose: `driver's app: runs of ${serviceDate}`,
        details: { planId: plan.id, vehicles: out.map((r) => r.vehicle.reference) },
      });
      return { serviceDate, published: true, runs: out };
    });
  }
}
