import type { StoredPlan, UnitOfWorkOf } from "../ports";
import type { Actor } from "../shared";
import { listEvery } from "./register-reads";

/** The runs of a plan an actor may see: every run, or only those on these vehicles. */
export type RunScope = { readonly every: true } | { readonly vehicleIds: ReadonlySet<string> };

const EVERY_RUN: RunScope = { every: true };

/** What finding an actor's runs reads: who crews what, and the vehicles' operators. */
export type RunScopeRepositories = UnitOfWorkOf<"crew" | "vehicles">["repositories"];

/**
 * Least privilege on runs. A driver or passenger assistant sees the runs of the vehicle their staff
 * record crews that day; a fleet manager, the runs on their operator's vehicles. A user of either
 * role without that link sees no run. Everyone else who may read plans sees every run.
 */
export async function runScopeOf(
  repos: RunScopeRepositories,
  actor: Actor,
  serviceDate: string,
): Promise<RunScope> {
  const org = actor.organisationId;
  if (actor.role === "driver") {
    if (!actor.staffId) return { vehicleIds: new Set() };
    return {
      vehicleIds: new Set(await repos.crew.vehiclesCrewedBy(org, actor.staffId, serviceDate)),
    };
  }
  if (actor.role === "operator") {
    if (!actor.operatorId) return { vehicleIds: new Set() };
    const vehicles = await listEvery(repos.vehicles, org);
    const own = vehicles.filter((v) => v.operatorId === actor.operatorId).map((v) => v.id);
    return { vehicleIds: new Set(own) };
  }
  return EVERY_RUN;
}

/** True when the scope lets the actor see the run of this vehicle. */
export function scopeAllows(scope: RunScope, vehicleId: string): boolean {
  return "every" in scope || scope.vehicleIds.has(vehicleId);
}

/**
 * The plan as the scope lets the actor see it: only their runs, and no unassigned requests (those
 * belong to the planner) unless they see every run.
 */
export function scopePlan(plan: StoredPlan, scope: RunScope): StoredPlan {
  if ("every" in scope) return plan;
  return {
    ...plan,
    runs: plan.runs.filter((run) => scope.vehicleIds.has(run.vehicleId)),
    unassigned: [],
  };
}
