import { isAllowed } from "@tt/domain";
import type { Clock, StoredPlan, UnitOfWorkOf } from "../../ports";
import { type Actor, authorise, notFound, recordRead } from "../../shared";
import { findFleetVehicles } from "../fleet-reads";
import { findMany, placeIds } from "../register-reads";
import { runScopeOf, scopePlan } from "../run-scope";
import { readMemberSources } from "./member-sources";
import {
  buildPlanMap,
  homePassengerIds,
  type PlanMap,
  type PlanMapSources,
  planTripIds,
} from "./plan-map";

/** What a plan map reads: the plan, the register rows it names, who crews what, the audit log. */
export type PlanMapUnitOfWork = UnitOfWorkOf<
  | "plans"
  | "tripRequests"
  | "passengers"
  | "places"
  | "vehicles"
  | "grants"
  | "audit"
  | "crew"
  | "sharing"
>;

/**
 * The register rows a plan's map needs: its trip requests, their places, vehicles and, only when
 * `withHomes`, the passengers whose homes it places.
 */
async function readSources(
  repos: PlanMapUnitOfWork["repositories"],
  organisationId: string,
  plan: StoredPlan,
  withHomes: boolean,
) {
  const trips = await findMany(repos.tripRequests, organisationId, planTripIds(plan));
  const passengers = withHomes
    ? await findMany(repos.passengers, organisationId, homePassengerIds(trips.values()))
    : ("withheld" as const);
  const places = await findMany(repos.places, organisationId, placeIds(trips.values()));
  const vehicleIds = plan.runs.map((r) => r.vehicleId);
  const vehicles = await findFleetVehicles(repos, organisationId, vehicleIds);
  return { trips, passengers, places, vehicles };
}

/** The partnership's own rows with those its members shared (ids are unique across both). */
function joinSources(own: PlanMapSources, members: PlanMapSources): PlanMapSources {
  const join = <T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>) => new Map([...b, ...a]);
  const passengers =
    own.passengers === "withheld" || members.passengers === "withheld"
      ? ("withheld" as const)
      : join(own.passengers, members.passengers);
  return {
    trips: join(own.trips, members.trips),
    places: join(own.places, members.places),
    vehicles: join(own.vehicles, members.vehicles),
    passengers,
  };
}

/**
 * A plan on a map for everyone who may read plans: stops and unassigned requests with positions,
 * places exactly and by name. Homes are never named; roles that may read passengers get them
 * rounded to about 100 m and trip references, and that read is audited; other roles (drivers,
 * operators, finance) get homes without a position and no trip references, the passenger register
 * is not read for them and nothing is audited. Drivers and fleet managers see only their own runs
 * (`runScopeOf`). A partnership's plan reads its members' rows through their agreements
 * (`readMemberSources`), each read in the member's own log.
 */
export class PlanMapService {
  constructor(
    private readonly unitOfWork: PlanMapUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async getPlanMap(actor: Actor, planId: string): Promise<PlanMap> {
    authorise(actor, "plans", "read");
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const stored = await repos.plans.find(org, planId);
      if (!stored) throw notFound("plan", planId);
      const plan = scopePlan(stored, await runScopeOf(repos, actor, stored.serviceDate));
      const withHomes = isAllowed(actor.role, "passengers", "read");
      const own = await readSources(repos, org, plan, withHomes);
      const partnership = await repos.sharing.findPartnership(org);
      const sources = partnership
        ? joinSources(
            own,
            await readMemberSources(repos, this.clock, actor, partnership, plan, withHomes),
          )
        : own;
      const map = buildPlanMap(plan, sources);
      const { passengers } = own;
      if (passengers === "withheld") return map;
      await recordRead(repos, actor, {
        resource: "passengers",
        ids: [...passengers.keys()],
        purpose: `plan map: homes to about 100 m for ${plan.serviceDate}`,
        details: {
          planId,
          runs: plan.runs.length,
          homes: passengers.size,
          tripReferences: sources.trips.size,
        },
      });
      return map;
    });
  }
}
