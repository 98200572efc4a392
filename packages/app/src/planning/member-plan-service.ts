import { isAllowed, type Vehicle } from "@tt/domain";
import type { StoredPartnership, UnitOfWorkOf } from "../ports";
import { type Actor, authorise, recordRead } from "../shared";
import { findFleetVehicles } from "./fleet-reads";
import { type MemberPlanView, memberPlanView } from "./member-plans";
import { planTripIds } from "./plan-map/plan-map";
import { findMany } from "./register-reads";

/** What a member's view of its partnerships' plans reads. */
export type MemberPlanUnitOfWork = UnitOfWorkOf<
  "sharing" | "plans" | "tripRequests" | "vehicles" | "grants" | "audit"
>;

/** The most plans of one day, per partnership, a member's view lists (newest first). */
export const MEMBER_PLANS_PER_DAY = 20;

/**
 * A member's part of its partnerships' day plans: for each plan of the day that carries its trips,
 * those trips (vehicle, times, cost share) and its trips left unserved; never another member's
 * trips. For those who see the budgets (the member-shares rule); drivers, operators and booking
 * agents are refused. The read of the member's own trip references is
 * audited in its log.
 */
export class MemberPlanService {
  constructor(private readonly unitOfWork: MemberPlanUnitOfWork) {}

  async listForDay(actor: Actor, date: string): Promise<MemberPlanView[]> {
    // Money and trips: for those who see the budgets (finance, commissioners, administrators).
    authorise(actor, "budgets", "read");
    return this.unitOfWork.transaction(async (repos) => {
      const views: MemberPlanView[] = [];
      for (const partnership of await repos.sharing.listMemberships(actor.organisationId))
        views.push(...(await this.viewsOf(repos, actor, partnership, date)));
      return views;
    });
  }

  private async viewsOf(
    repos: MemberPlanUnitOfWork["repositories"],
    actor: Actor,
    partnership: StoredPartnership,
    date: string,
  ): Promise<MemberPlanView[]> {
    const query = { offset: 0, limit: MEMBER_PLANS_PER_DAY, serviceDate: date };
    const headers = await repos.plans.list(partnership.organisationId, query);
    const withReferences = isAllowed(actor.role, "passengers", "read");
    const views: MemberPlanView[] = [];
    for (const header of headers.items) {
      const plan = await repos.plans.find(partnership.organisationId, header.id);
      if (!plan) continue;
      const own = await findMany(repos.tripRequests, actor.organisationId, planTripIds(plan));
      if (own.size === 0) continue;
      const vehicles = await vehiclesOf(
        repos,
        partnership,
        plan.runs.map((r) => r.vehicleId),
      );
      views.push(memberPlanView(plan, partnership.name, { own, vehicles, withReferences }));
      if (!withReferences) continue;
      await recordRead(repos, actor, {
        resource: "trip-requests",
        ids: [...own.keys()],
        purpose: `planning: its trips in ${partnership.name}'s plan for ${date}`,
        details: { planId: plan.id, partnershipId: partnership.organisationId },
      });
    }
    return views;
  }
}

/** The plan's vehicles by id, from the partnership's fleet and its members' (own and granted). */
async function vehiclesOf(
  repos: MemberPlanUnitOfWork["repositories"],
  partnership: StoredPartnership,
  ids: readonly string[],
): Promise<Map<string, Vehicle>> {
  const found = new Map<string, Vehicle>();
  const holders = [partnership.organisationId, ...partnership.members.map((m) => m.id)];
  for (const holder of holders) {
    const rest = ids.filter((id) => !found.has(id));
    if (rest.length === 0) break;
    for (const [id, v] of await findFleetVehicles(repos, holder, rest)) found.set(id, v);
  }
  return found;
}
