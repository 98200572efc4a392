import type { DataItem, Funder, Needs, Passenger, TripRequest } from "@tt/domain";
import { type DayRegister, loadDayRegister, type PlanningDayKind } from "../planning";
import type { Clock, StoredPartnership, UnitOfWorkOf } from "../ports";
import { type Actor, AppError, isAppError } from "../shared";
import {
  pseudonymOf,
  recordPartnerRead,
  requireAgreement,
  type SharedAccess,
  type SharedPassenger,
  sharePassenger,
} from "../sharing";
import { narrowToFunders } from "./narrow-day";

/** What a partnership's analysis reads: members' days, funders, agreements and the audit logs. */
export type PartnershipDayKind = PlanningDayKind | "sharing" | "identity" | "funders";
export type PartnershipDayUnitOfWork = UnitOfWorkOf<PartnershipDayKind>;

/** The data items a member must share for analysis before its day can be planned with others. */
export const ANALYSIS_ITEMS: readonly DataItem[] = ["trips", "home-location"];

const NO_NEEDS: Needs = {
  wheelchair: false,
  passengerAssistant: false,
  seating: "standard",
  travelAlone: false,
  doorThroughDoor: false,
  mayNotTravelWith: [],
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
export interface SkippedMember {
  readonly name: string;
  readonly reason: string;
}

/** A stored passenger made from the shared view: pseudonym for id and reference, no name. */
function fromView(p: Passenger, view: SharedPassenger): Passenger {
  if (!view.home) throw new Error("a member's passengers are analysed only with home-location");
  const needs = view.travelNeeds;
  return {
    id: view.id,
    organisationId: p.organisationId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    reference: view.id,
    givenName: "Pseudonymised",
    familyName: "passenger",
    homeLat: view.home.lat,
    homeLon: view.home.lon,
    needs: needs
      ? {
          wheelchair: needs.wheelchair,
          passengerAssistant: needs.passengerAssistant,
          seating: p.needs.seating,
          travelAlone: needs.travelAlone,
          doorThroughDoor: needs.doorThroughDoor,
          mayNotTravelWith: [...(needs.mayNotTravelWith ?? [])],
        }
      : NO_NEEDS,
  };
}

/**
 * The day with its passengers through the analysis view (`sharePassenger`): each passenger and
 * their trips under a pseudonym stable for the agreement, homes coarsened, needs only when the
 * agreement covers them, who may not travel with whom by pseudonym.
 */
export function pseudonymiseDay(
  register: DayRegister,
  access: SharedAccess,
  key: string,
): DayRegister {
  const pseudonyms = new Map(register.passengers.map((p) => [p.reference, pseudonymOf(key, p.id)]));
  const passengers = register.passengers.map((p) =>
    fromView(p, sharePassenger(p, access, key, pseudonyms)),
  );
  const tripRequests = register.tripRequests.map(
    (t): TripRequest => ({
      ...t,
      passengerId: pseudonymOf(key, t.passengerId),
      reference: pseudonymOf(key, t.id),
    }),
  );
  return { ...register, passengers, tripRequests };
}

/** Every member's day put together; a vehicle granted to two members is kept once. */
export function mergeDays(date: string, days: readonly DayRegister[]): DayRegister {
  const vehicles = new Map<string, DayRegister["vehicles"][number]>();
  for (const day of days)
    for (const v of day.vehicles) if (!vehicles.has(v.id)) vehicles.set(v.id, v);
  return {
    date,
    tripRequests: days.flatMap((d) => d.tripRequests),
    passengers: days.flatMap((d) => d.passengers),
    places: days.flatMap((d) => d.places),
    vehicles: [...vehicles.values()],
    staff: days.flatMap((d) => d.staff),
    termCalendars: days.flatMap((d) => d.termCalendars),
  };
}

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
  try {
    const access = await requireAgreement(repos, clock, actor, member, "analysis");
    const missing = ANALYSIS_ITEMS.filter((item) => !access.items.has(item));
    if (missing.length === 0) return access;
    return `agreement ${access.agreement.reference} does not cover ${missing.join(" and ")}`;
  } catch (error) {
    if (isAppError(error) && error.code === "not-found") {
      return "no active agreement shares its data with the partnership for analysis";
    }
    throw error;
  }
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
    members.push(await readMemberDay(unitOfWork, actor, { ...member, access, funders }, day));
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
async function readMemberDay(
  unitOfWork: PartnershipDayUnitOfWork,
  actor: Actor,
  member: Pick<MemberDay, "access" | "funders" | "name"> & { id: string },
  { date, chosen }: { date: string; chosen?: ReadonlySet<string> },
): Promise<MemberDay> {
  const repos = unitOfWork.repositories;
  const { access } = member;
  const key = await repos.sharing.findPseudonymKey(access.agreement.id);
  if (!key) throw new Error(`agreement ${access.agreement.id} has no pseudonym key`);
  const whole = await loadDayRegister(unitOfWork, member.id, date);
  const silo = await siloOf(repos, member.id, whole);
  const day = chosen ? narrowToFunders(whole, chosen, (id) => silo.get(id)) : whole;
  await recordPartnerRead(repos, actor, access, {
    resource: "passengers",
    action: "read",
    ids: day.passengers.map((p) => p.id),
  });
  return {
    organisationId: member.id,
    name: member.name,
    access,
    register: pseudonymiseDay(day, access, key),
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
  for (const member of members) {
    const { agreement } = member.access;
    const access = await analysisAccess(repos, clock, actor, member.organisationId);
    if (typeof access !== "string" && access.agreement.id === agreement.id) continue;
    throw new AppError(
      "conflict",
      `Data-sharing agreement ${agreement.reference} no longer lets the partnership analyse ${member.name}'s data (it was suspended, ended or changed), so the analysis stopped.`,
    );
  }
}
