import type { Funder } from "@tt/domain";
import {
  checkPoolStillShared,
  type DayRegister,
  type LeftOutMember,
  memberAccess,
  type PlanningDayKind,
  type PoolPurpose,
  readMemberDay,
} from "../planning";
import type { Clock, StoredPartnership, UnitOfWorkOf } from "../ports";
import { type Actor, AppError } from "../shared";
import type { SharedAccess } from "../sharing";
import { narrowToFunders } from "./narrow-day";

/** What a partnership's analysis reads: members' days, funders, agreements and the audit logs. */
export type PartnershipDayKind = PlanningDayKind | "sharing" | "identity" | "funders";
export type PartnershipDayUnitOfWork = UnitOfWorkOf<PartnershipDayKind>;

/** Analysis: members share trips and homes (coarsened) before their day is planned with others. */
export const ANALYSIS_POOL: PoolPurpose = {
  purpose: "analysis",
  items: ["trips", "home-location"],
  verb: "analyse",
};

/** A member's day as its agreement lets the partnership analyse it. */
export interface MemberDay {
  readonly organisationId: string;
  readonly name: string;
  readonly access: SharedAccess;
  /** Pseudonymised: passengers and their trips by pseudonym, homes coarsened. */
  readonly register: DayRegister;
  readonly funders: readonly Funder[];
  /** Vehicle id → the member's funders whose silo contracts it. */
  readonly silo: ReadonlyMap<string, readonly string[]>;
}

/** A member the analysis could not include, and why. */
export type SkippedMember = LeftOutMember;

/**
 * Which of the member's funders contract each vehicle: a grant's budgets, else the budgets the
 * vehicle's own record names (an in-house allocation), else all of them.
 */
async function siloOf(
  repos: PartnershipDayUnitOfWork["repositories"],
  member: string,
  register: DayRegister,
): Promise<Map<string, readonly string[]>> {
  const granted = new Map<string, readonly string[]>();
  for (const grant of await repos.grants.listReceived(member)) {
    if (grant.funderIds.length === 0) continue;
    for (const id of grant.vehicleIds) if (!granted.has(id)) granted.set(id, grant.funderIds);
  }
  const everyFunder = [...new Set(register.tripRequests.map((t) => t.funderId))];
  const own = (v: DayRegister["vehicles"][number]) =>
    v.funderIds.length > 0 ? v.funderIds : everyFunder;
  return new Map(register.vehicles.map((v) => [v.id, granted.get(v.id) ?? own(v)]));
}

/** The member's access for analysis, or why it cannot be analysed. */
export async function analysisAccess(
  repos: UnitOfWorkOf<"sharing">["repositories"],
  clock: Clock,
  actor: Actor,
  member: string,
): Promise<SharedAccess | string> {
  return memberAccess(repos, clock, actor, member, ANALYSIS_POOL);
}

/**
 * The partnership's members' days for `date`, each read through its analysis agreement and
 * pseudonymised; every read is written to the member's audit log naming the agreement. Members
 * without such an agreement are left out, with the reason. Given `chosen` funder ids, only their
 * trips (and the vehicles their silos use) are read, and members holding none of them are not
 * read at all.
 */
export async function loadPartnershipDays(
  unitOfWork: PartnershipDayUnitOfWork,
  clock: Clock,
  actor: Actor,
  partnership: StoredPartnership,
  day: { date: string; chosen?: ReadonlySet<string> },
): Promise<{ members: MemberDay[]; skipped: SkippedMember[] }> {
  const repos = unitOfWork.repositories;
  const members: MemberDay[] = [];
  const skipped: SkippedMember[] = [];
  for (const member of partnership.members) {
    const access = await analysisAccess(repos, clock, actor, member.id);
    if (typeof access === "string") {
      skipped.push({ name: member.name, reason: access });
      continue;
    }
    const all = (await repos.funders.list(member.id, { offset: 0, limit: 500 })).items;
    const funders = day.chosen ? all.filter((f) => day.chosen?.has(f.id)) : all;
    if (funders.length === 0) continue;
    members.push(await analysedMemberDay(unitOfWork, actor, { ...member, access, funders }, day));
  }
  if (members.length === 0) {
    throw new AppError(
      "validation-failed",
      "No member shares its data with the partnership for analysis under an active agreement.",
      skipped.map((s) => ({ path: "members", message: `${s.name}: ${s.reason}` })),
    );
  }
  return { members, skipped };
}

/** One member's day through its agreement, audited in its log, narrowed to the chosen funders. */
async function analysedMemberDay(
  unitOfWork: PartnershipDayUnitOfWork,
  actor: Actor,
  member: Pick<MemberDay, "access" | "funders" | "name"> & { id: string },
  { date, chosen }: { date: string; chosen?: ReadonlySet<string> },
): Promise<MemberDay> {
  const repos = unitOfWork.repositories;
  let silo = new Map<string, readonly string[]>();
  const narrow = async (whole: DayRegister) => {
    silo = await siloOf(repos, member.id, whole);
    return chosen ? narrowToFunders(whole, chosen, (id) => silo.get(id)) : whole;
  };
  const { register } = await readMemberDay(unitOfWork, actor, member, { date, narrow });
  return {
    organisationId: member.id,
    name: member.name,
    access: member.access,
    register,
    funders: member.funders,
    silo,
  };
}

/**
 * Throws, naming the agreement, when a member's agreement no longer lets the partnership analyse
 * its data (suspended, ended, out of date or changed): checked before each plan of a running job.
 */
export async function checkStillShared(
  repos: PartnershipDayUnitOfWork["repositories"],
  clock: Clock,
  actor: Actor,
  members: readonly MemberDay[],
): Promise<void> {
  await checkPoolStillShared(repos, clock, actor, members, ANALYSIS_POOL);
}
