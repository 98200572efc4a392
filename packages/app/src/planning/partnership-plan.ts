import { type FunderKind, findMixingPolicy } from "@tt/domain";
import type { Problem } from "@tt/solver";
import type {
  Clock,
  PlanPool,
  StoredPartnership,
  TravelTimeProvider,
  UnitOfWorkOf,
} from "../ports";
import { type Actor, AppError } from "../shared";
import type { SharedAccess } from "../sharing";
import { type BuiltProblem, buildProblem } from "./build-problem";
import { mixRegister } from "./day-mixing";
import { auditPlanningReads, loadDayRegister, type PlanningDayKind } from "./load-day-register";
import {
  checkPoolStillShared,
  memberAccess,
  mergeDays,
  type PoolPurpose,
  readMemberDay,
} from "./pooled-day";

/** What a partnership's day plan reads: members' days, funders and agreements, the audit logs. */
export type PartnershipPlanUnitOfWork = UnitOfWorkOf<PlanningDayKind | "sharing" | "funders">;

/**
 * Integrated planning: members share trips, exact homes and the needs that constrain travel (a
 * plan that could not see a wheelchair would be unsafe); never identity or health detail.
 */
export const PLANNING_POOL: PoolPurpose = {
  purpose: "integrated-planning",
  items: ["trips", "home-location", "travel-needs"],
  verb: "plan with",
};

/** A partnership's day, ready to solve: every covered member's demand and fleet, mixed. */
export interface PooledPlanningDay {
  readonly built: BuiltProblem;
  readonly pool: PlanPool;
  readonly mixingPolicy?: string;
  /** Throws, naming the agreement, once a member's agreement no longer covers the plan. */
  readonly stillShared: () => Promise<void>;
}

interface PooledMember {
  readonly organisationId: string;
  readonly name: string;
  readonly access: SharedAccess;
}

/**
 * The partnership's day for `date`: each member's trip requests, passengers and fleet read
 * through its active integrated-planning agreement (passengers pseudonymised, homes exact, needs
 * as flags; each read in the member's audit log naming the agreement), with the partnership's own
 * register and the vehicles granted to it, planned as one day under the partnership's mixing
 * policy. Members without such an agreement are left out, named in the plan with the reason.
 */
export async function loadPooledPlanningDay(
  unitOfWork: PartnershipPlanUnitOfWork,
  options: { travelTimes: TravelTimeProvider; clock: Clock },
  actor: Actor,
  partnership: StoredPartnership,
  read: { jobId: string; date: string },
): Promise<PooledPlanningDay> {
  const repos = unitOfWork.repositories;
  const members: PooledMember[] = [];
  const leftOut: PlanPool["leftOut"][number][] = [];
  for (const member of partnership.members) {
    const access = await memberAccess(repos, options.clock, actor, member.id, PLANNING_POOL);
    if (typeof access === "string") leftOut.push({ organisation: member.name, reason: access });
    else members.push({ organisationId: member.id, name: member.name, access });
  }
  if (members.length === 0) throw noMemberShares(leftOut);
  const days = [];
  const kinds = new Map<string, FunderKind>();
  for (const member of members) {
    const id = member.organisationId;
    const { register } = await readMemberDay(
      unitOfWork,
      actor,
      { id, access: member.access },
      read,
    );
    days.push(register);
    for (const f of (await repos.funders.list(id, { offset: 0, limit: 500 })).items)
      kinds.set(f.id, f.kind);
  }
  days.push(await ownDay(unitOfWork, actor, read, kinds));
  const register = mergeDays(read.date, days);
  const built = await buildProblem(register, options.travelTimes);
  const policy = findMixingPolicy(partnership.mixingPolicy);
  const mixed = policy ? mixRegister(policy, register, built.problem, kinds) : undefined;
  const problem: Problem = mixed?.problem ?? built.problem;
  const pool: PlanPool = {
    members: members.map((m) => ({
      organisation: m.name,
      agreement: m.access.agreement.reference,
    })),
    leftOut,
  };
  return {
    built: { ...built, problem },
    pool,
    ...(mixed ? { mixingPolicy: mixed.mixingPolicy } : {}),
    stillShared: () => checkPoolStillShared(repos, options.clock, actor, members, PLANNING_POOL),
  };
}

/** The partnership's own register for the day (its own requests, vehicles granted to it). */
async function ownDay(
  unitOfWork: PartnershipPlanUnitOfWork,
  actor: Actor,
  read: { jobId: string; date: string },
  kinds: Map<string, FunderKind>,
) {
  const day = await loadDayRegister(unitOfWork, actor.organisationId, read.date);
  const repos = unitOfWork.repositories;
  for (const f of (await repos.funders.list(actor.organisationId, { offset: 0, limit: 500 })).items)
    kinds.set(f.id, f.kind);
  if (day.passengers.length > 0 || day.staff.length > 0) {
    await auditPlanningReads(repos, actor, {
      ...read,
      passengerIds: day.passengers.map((p) => p.id),
      staffIds: day.staff.filter((s) => s.role === "passenger-assistant").map((s) => s.id),
    });
  }
  return day;
}

function noMemberShares(leftOut: PlanPool["leftOut"]): AppError {
  return new AppError(
    "validation-failed",
    "No member shares its data with the partnership for integrated planning under an active agreement.",
    leftOut.map((m) => ({ path: "members", message: `${m.organisation}: ${m.reason}` })),
  );
}
