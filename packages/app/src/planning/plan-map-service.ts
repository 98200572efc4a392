import { notFound } from "../errors";
import type { Repositories, StoredPlan, UnitOfWork } from "../ports";
import { type Actor, authorise } from "../register";
import { buildPlanMap, homePassengerIds, type PlanMap, planTripIds } from "./plan-map";
import { findMany, placeIds } from "./register-reads";

/** The register rows a plan's map needs: its trip requests, their places, homes and vehicles. */
async function readSources(repos: Repositories, organisationId: string, plan: StoredPlan) {
  const trips = await findMany(repos.tripRequests, organisationId, planTripIds(plan));
  const homes = homePassengerIds(trips.values());
  const passengers = await findMany(repos.passengers, organisationId, homes);
  const places = await findMany(repos.places, organisationId, placeIds(trips.values()));
  const vehicleIds = plan.runs.map((r) => r.vehicleId);
  const vehicles = await findMany(repos.vehicles, organisationId, vehicleIds);
  return { trips, passengers, places, vehicles };
}

/**
 * A plan on a map for everyone who may read plans: stops and unassigned requests with positions,
 * places by name, homes rounded to about 100 m and never named. Reading the homes is audited.
 */
export class PlanMapService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async getPlanMap(actor: Actor, planId: string): Promise<PlanMap> {
    authorise(actor, "plans", "read");
    return this.unitOfWork.transaction(async (repos) => {
      const org = actor.organisationId;
      const plan = await repos.plans.find(org, planId);
      if (!plan) throw notFound("plan", planId);
      const sources = await readSources(repos, org, plan);
      const map = buildPlanMap(plan, sources);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "read",
        resource: "passengers",
        resourceIds: [...sources.passengers.keys()],
        purpose: actor.purpose ?? `plan map: homes to about 100 m for ${plan.serviceDate}`,
        details: { planId, runs: plan.runs.length, homes: sources.passengers.size },
      });
      return map;
    });
  }
}
