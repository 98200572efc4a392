import { foldRunEvents, isoDateSchema, type Passenger, type Vehicle } from "@tt/domain";
import {
  findFleetVehicles,
  loadManifest,
  type ManifestUnitOfWork,
  runScopeOf,
  scopeAllows,
  vehiclesWithAssistantOn,
} from "../planning";
import {
  type Clock,
  type PlanRun,
  type StoredPlan,
  systemClock,
  type UnitOfWorkOf,
} from "../ports";
import { type Actor, AppError, authorise, parseInput, recordRead } from "../shared";
import { recordPartnerRead } from "../sharing";
import { type DriverRun, driverRunOf } from "./driver-run";
import { type GrantedDay, grantedRunsOf, type WithheldRuns } from "./granted-runs";
import { findOperatingPlan } from "./operating-day";

/** What the driver's day reads: the manifest's rows and the events already marked. */
export type DriverRunUnitOfWork = UnitOfWorkOf<
  keyof ManifestUnitOfWork["repositories"] | "runEvents" | "identity"
>;
type Repos = DriverRunUnitOfWork["repositories"];

/** The driver's day: the runs they crew in the day's operating plans. */
export interface DriverDay {
  readonly serviceDate: string;
  /**
   * False when neither the organisation nor any it grants the crew's vehicles to has published a
   * plan of the day with runs on them.
   */
  readonly published: boolean;
  readonly runs: readonly DriverRun[];
  /** Runs on the crew's vehicles for organisations whose agreement does not let them be shown. */
  readonly withheld: readonly WithheldRuns[];
}

/** Roles whose users see their own runs (`runScopeOf`); planners read manifests instead. */
const CREW_ROLES = new Set(["driver", "operator"]);

/** Runs of one plan as the phone shows them, and the passengers they name. */
interface PlanRuns {
  readonly runs: DriverRun[];
  readonly read: string[];
}

/**
 * A driver's or assistant's phone: the runs their staff record crews on the day (a fleet manager:
 * their operator's runs) in the operating plan, cut down to what the road needs, with what has
 * been marked so far. A vehicle the organisation grants to another that day shows that
 * organisation's runs on it, under its agreement for operating runs (`grantedRunsOf`). Every open
 * is audited, naming the passengers read, in the log of the organisation that holds them.
 */
export class DriverRunService {
  constructor(
    private readonly unitOfWork: DriverRunUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

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
      const scope = await runScopeOf(repos, actor, serviceDate);
      const plan = await findOperatingPlan(repos, actor.organisationId, serviceDate);
      const mine = plan ? plan.runs.filter((r) => scopeAllows(scope, r.vehicleId)) : [];
      const own = plan ? await this.ownRuns(repos, actor, plan, mine) : { runs: [], read: [] };
      const granted = await grantedRunsOf(repos, this.clock, actor, serviceDate, scope);
      const theirs: DriverRun[] = [];
      for (const day of granted.days) theirs.push(...(await this.grantedRuns(repos, actor, day)));
      const others = granted.days.length + granted.withheld.length;
      const published = plan !== undefined || others > 0;
      const runs = [...own.runs, ...theirs].sort(byFirstTime);
      return { serviceDate, published, runs, withheld: granted.withheld };
    });
  }

  /** The runs of the organisation's own operating plan, audited in its own log. */
  private async ownRuns(
    repos: Repos,
    actor: Actor,
    plan: StoredPlan,
    runs: readonly PlanRun[],
  ): Promise<PlanRuns> {
    const vehicles = await findFleetVehicles(
      repos,
      actor.organisationId,
      runs.map((r) => r.vehicleId),
    );
    const assistants =
      runs.length > 0
        ? await vehiclesWithAssistantOn(repos, actor, plan.serviceDate, [...vehicles.keys()])
        : new Set<string>();
    const out = await phoneRuns(repos, actor, plan, runs, vehicles, assistants);
    if (out.read.length > 0) {
      await recordRead(repos, actor, {
        resource: "passengers",
        ids: out.read,
        purpose: `driver's app: runs of ${plan.serviceDate}`,
        details: { planId: plan.id, vehicles: out.runs.map((r) => r.vehicle.reference) },
      });
    }
    return out;
  }

  /** Another organisation's runs on the crew's vehicles, audited in its log under the agreement. */
  private async grantedRuns(repos: Repos, actor: Actor, day: GrantedDay): Promise<DriverRun[]> {
    const ids = day.runs.map((r) => r.vehicleId);
    const vehicles = await findFleetVehicles(repos, actor.organisationId, ids);
    const assistants = await crewedWithAssistant(repos, actor, day.plan.serviceDate, ids);
    const sources = { forOrganisation: day.organisationName };
    const out = await phoneRuns(repos, actor, day.plan, day.runs, vehicles, assistants, sources);
    await recordPartnerRead(repos, actor, day.access, {
      resource: "passengers",
      action: "read",
      ids: out.read,
    });
    return out.runs;
  }
}

const firstTime = (run: DriverRun) => run.stops[0]?.time ?? "";
const byFirstTime = (a: DriverRun, b: DriverRun) =>
  firstTime(a).localeCompare(firstTime(b)) ||
  a.vehicle.reference.localeCompare(b.vehicle.reference);

/** The plan's runs cut down for the phone, with the marks made on them so far. */
async function phoneRuns(
  repos: Repos,
  actor: Actor,
  plan: StoredPlan,
  runs: readonly PlanRun[],
  vehicles: ReadonlyMap<string, Vehicle>,
  assistants: ReadonlySet<string>,
  extra: { readonly forOrganisation?: string } = {},
): Promise<PlanRuns> {
  const events = await repos.runEvents.listForDay(
    plan.organisationId,
    plan.serviceDate,
    runs.map((r) => r.vehicleId),
  );
  const progress = foldRunEvents(events);
  const out: PlanRuns = { runs: [], read: [] };
  for (const run of runs) {
    const vehicle = vehicles.get(run.vehicleId);
    if (!vehicle) continue;
    const loaded = await loadManifest(repos, actor, plan, run, vehicle, assistants);
    const passengerOfTrip = new Map<string, Passenger>();
    for (const [tripId, trip] of loaded.trips) {
      const passenger = loaded.passengers.get(trip.passengerId);
      if (passenger) passengerOfTrip.set(tripId, passenger);
    }
    out.read.push(...loaded.passengers.keys());
    out.runs.push(driverRunOf(loaded.manifest, { passengerOfTrip, progress, ...extra }));
  }
  return out;
}

/**
 * The vehicles whose crew on the day includes a passenger assistant, by the organisation's own
 * rota (on a granted vehicle the crew is the grantor's, not the plan's organisation's).
 */
async function crewedWithAssistant(
  repos: Repos,
  actor: Actor,
  serviceDate: string,
  vehicleIds: readonly string[],
): Promise<Set<string>> {
  const wanted = new Set(vehicleIds);
  const rota = (await repos.crew.listForDate(actor.organisationId, serviceDate)).filter((a) =>
    wanted.has(a.vehicleId),
  );
  if (rota.length === 0) return new Set();
  const staff = await repos.staff.findByIds(
    actor.organisationId,
    rota.map((a) => a.staffId),
  );
  await recordRead(repos, actor, {
    resource: "staff",
    ids: staff.map((s) => s.id),
    purpose: `driver's app: crews of granted vehicles on ${serviceDate}`,
    details: { vehicles: vehicleIds.length },
  });
  const assistants = new Set(
    staff.filter((s) => s.role === "passenger-assistant").map((s) => s.id),
  );
  return new Set(rota.filter((a) => assistants.has(a.staffId)).map((a) => a.vehicleId));
}
