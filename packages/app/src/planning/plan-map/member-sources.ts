import type { Passenger, Place, TripRequest } from "@tt/domain";
import type { Clock, StoredPartnership, StoredPlan, UnitOfWorkOf } from "../../ports";
import type { Actor } from "../../shared";
import { pseudonymKeyOf, pseudonymOf, recordPartnerRead } from "../../sharing";
import { findFleetVehicles } from "../fleet-reads";
import { PLANNING_POOL } from "../partnership-plan";
import { memberAccess } from "../pooled-day";
import { findMany, placeIds } from "../register-reads";
import { homePassengerIds, type PlanMapSources, planTripIds } from "./plan-map";

/** What a partnership's plan map reads: members' rows named by the plan, agreements, audit logs. */
export type MemberSourcesUnitOfWork = UnitOfWorkOf<
  "sharing" | "tripRequests" | "passengers" | "places" | "vehicles" | "grants" | "audit"
>;

/**
 * The rows a partnership's plan names, read from each member through its integrated-planning
 * agreement as the plan was made: trips under the pseudonym of their reference (identity is not
 * shared for planning), places, vehicles, and homes only for roles that see them. Each member's
 * read of homes is written to its audit log naming the agreement; a member whose agreement no
 * longer covers planning contributes nothing, so its stops show no position.
 */
export async function readMemberSources(
  repos: MemberSourcesUnitOfWork["repositories"],
  clock: Clock,
  actor: Actor,
  partnership: StoredPartnership,
  plan: StoredPlan,
  withHomes: boolean,
): Promise<PlanMapSources & { homesRead: number }> {
  const tripIds = planTripIds(plan);
  const vehicleIds = plan.runs.map((r) => r.vehicleId);
  const trips = new Map<string, TripRequest>();
  const passengers = new Map<string, Passenger>();
  const places = new Map<string, Place>();
  const vehicles = await findFleetVehicles(repos, partnership.organisationId, vehicleIds);
  for (const member of partnership.members) {
    const access = await memberAccess(repos, clock, actor, member.id, PLANNING_POOL);
    if (typeof access === "string") continue;
    const key = await pseudonymKeyOf(repos, access);
    const theirs = await findMany(repos.tripRequests, member.id, tripIds);
    for (const t of theirs.values()) trips.set(t.id, { ...t, reference: pseudonymOf(key, t.id) });
    for (const p of (await findMany(repos.places, member.id, placeIds(theirs.values()))).values())
      places.set(p.id, p);
    for (const v of (await findFleetVehicles(repos, member.id, vehicleIds)).values())
      if (!vehicles.has(v.id)) vehicles.set(v.id, v);
    if (!withHomes || theirs.size === 0) continue;
    const homes = await findMany(repos.passengers, member.id, homePassengerIds(theirs.values()));
    for (const p of homes.values()) passengers.set(p.id, p);
    await recordPartnerRead(repos, actor, access, {
      resource: "passengers",
      action: "read",
      ids: [...homes.keys()],
    });
  }
  return {
    trips,
    places,
    vehicles,
    passengers: withHomes ? passengers : "withheld",
    homesRead: passengers.size,
  };
}
