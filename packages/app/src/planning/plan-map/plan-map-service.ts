import { isAllowed } from "@tt/domain";
import type { StoredPlan, UnitOfWorkOf } from "../../ports";
import { type Actor, authorise, notFound, recordRead } from "../../shared";
import { findFleetVehicles } from "../fleet-reads";
import { findMany, placeIds } from "../register-reads";
import { runScopeOf, scopePlan } from "../run-scope";
import { buildPlanMap, homePassengerIds, type PlanMap, planTripIds } from "./plan-map";

/** What a plan map reads: the plan, the register rows it names, who crews what, the audit log. */
export type PlanMapUnitOfWork = UnitOfWorkOf<
  "plans" | "tripRequests" | "passengers" | "places" | "vehicles" | "grants" | "audit" | "crew"
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

/**
 * A plan on a map for everyone who may read plans: stops and unassigned requests with positions,
 * places exactly and by name. Homes are never named; roles that may read passengers get them
 * rounded to about 100 m and trip references, and that read is audited; other roles (drivers,
 * operators, finance) get homes without a position and no trip references, the passenger register
 * is not read for them and nothing is audited. Drivers and fleet managers see only their own runs
 * (`runScopeOf`).
 */
export class PlanMapService {
  constructor(private readonly unitOfWork: PlanMapUnitOfWork) {}

  async getPlanMap(actor: Actor, planId: string): Promise<PlanMap> {
    authorise(actor, "plans", "read");
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const stored = await repos.plans.find(org, planId);
      if (!stored) throw notFound("plan", planId);
      const plan = scopePlan(stored, await runScopeOf(repos, actor, stored.serviceDate));
      const withHomes = isAllowed(actor.role, "passengers", "read");
      const sources = await readSources(repos, org, plan, withHomes);
      const map = buildPlanMap(plan, sources);
      const { passengers } = sources;
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
