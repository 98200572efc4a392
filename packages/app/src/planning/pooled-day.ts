import {
  type DataItem,
  noNeeds,
  type Passenger,
  type SharingPurpose,
  type TripRequest,
} from "@tt/domain";
import type { Clock, UnitOfWorkOf } from "../ports";
import { type Actor, AppError, isAppError } from "../shared";
import {
  pseudonymKeyOf,
  pseudonymOf,
  recordPartnerRead,
  requireAgreement,
  type SharedAccess,
  type SharedPassenger,
  sharePassenger,
} from "../sharing";
import type { DayRegister } from "./build-problem";
import { loadDayRegister, type PlanningDayKind } from "./load-day-register";

/** What reading members' days for a partnership reads: their days, agreements and audit logs. */
export type PooledDayUnitOfWork = UnitOfWorkOf<PlanningDayKind | "sharing">;

/** A member the partnership could not include, and why. */
export interface LeftOutMember {
  readonly name: string;
  readonly reason: string;
}

/** Why a member's data is read, and the data items that purpose cannot do without. */
export interface PoolPurpose {
  readonly purpose: SharingPurpose;
  readonly items: readonly DataItem[];
  /** "analyse", "plan": what the partnership does with the data, for messages. */
  readonly verb: string;
}

/**
 * A stored passenger made from the shared view: their pseudonym under the agreement for id and
 * reference, no name, the home as the view gives it (exact for planning, coarsened for analysis).
 */
function fromView(p: Passenger, view: SharedPassenger, pseudonym: string): Passenger {
  if (!view.home) throw new Error("a member's passengers are pooled only with home-location");
  const needs = view.travelNeeds;
  return {
    id: pseudonym,
    organisationId: p.organisationId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    reference: pseudonym,
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
      : noNeeds(),
  };
}

/**
 * The day with its passengers through the agreement's view (`sharePassenger`): each passenger and
 * their trips' references under a pseudonym stable for the agreement, no identity, homes as the
 * purpose allows, needs only when the agreement covers them, who may not travel with whom by
 * pseudonym. Trip requests keep their ids, so a stored plan names them as their owner knows them.
 */
export function pseudonymiseDay(
  register: DayRegister,
  access: SharedAccess,
  key: string,
): DayRegister {
  const pseudonyms = new Map(register.passengers.map((p) => [p.reference, pseudonymOf(key, p.id)]));
  const passengers = register.passengers.map((p) =>
    fromView(p, sharePassenger(p, access, key, pseudonyms), pseudonymOf(key, p.id)),
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

/** The member's access for the purpose, or why the partnership cannot use its data for it. */
export async function memberAccess(
  repos: UnitOfWorkOf<"sharing">["repositories"],
  clock: Clock,
  actor: Actor,
  member: string,
  pool: PoolPurpose,
): Promise<SharedAccess | string> {
  try {
    const access = await requireAgreement(repos, clock, actor, member, pool.purpose);
    const missing = pool.items.filter((item) => !access.items.has(item));
    if (missing.length === 0) return access;
    return `agreement ${access.agreement.reference} does not cover ${missing.join(" and ")}`;
  } catch (error) {
    if (isAppError(error) && error.code === "not-found") {
      return `no active agreement shares its data with the partnership for ${pool.purpose.replace("-", " ")}`;
    }
    throw error;
  }
}

/**
 * One member's whole day read through its agreement, pseudonymised; the read of its passengers
 * and passenger assistants is written to the member's audit log naming the agreement. `narrow`
 * keeps part of the day (chosen funders) before the read is recorded.
 */
export async function readMemberDay(
  unitOfWork: PooledDayUnitOfWork,
  actor: Actor,
  member: { id: string; access: SharedAccess },
  day: { date: string; narrow?: (whole: DayRegister) => DayRegister | Promise<DayRegister> },
): Promise<{ whole: DayRegister; register: DayRegister }> {
  const repos = unitOfWork.repositories;
  const { access } = member;
  const key = await pseudonymKeyOf(repos, access);
  const whole = await loadDayRegister(unitOfWork, member.id, day.date);
  const read = day.narrow ? await day.narrow(whole) : whole;
  const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
  await recordPartnerRead(repos, actor, access, {
    resource: "passengers",
    action: "read",
    ids: ids(read.passengers),
  });
  const assistants = read.staff.filter((s) => s.role === "passenger-assistant");
  if (assistants.length > 0) {
    await recordPartnerRead(repos, actor, access, {
      resource: "staff",
      action: "read",
      ids: ids(assistants),
    });
  }
  return { whole, register: pseudonymiseDay(read, access, key) };
}

/**
 * Throws, naming the agreement, when a member's agreement no longer lets the partnership use its
 * data for the purpose (suspended, ended, out of date or changed): checked at each step of a job.
 */
export async function checkPoolStillShared(
  repos: UnitOfWorkOf<"sharing">["repositories"],
  clock: Clock,
  actor: Actor,
  members: readonly { organisationId: string; name: string; access: SharedAccess }[],
  pool: PoolPurpose,
): Promise<void> {
  for (const member of members) {
    const { agreement } = member.access;
    const access = await memberAccess(repos, clock, actor, member.organisationId, pool);
    if (typeof access !== "string" && access.agreement.id === agreement.id) continue;
    throw new AppError(
      "conflict",
      `Data-sharing agreement ${agreement.reference} no longer lets the partnership ${pool.verb} ${member.name}'s data (it was suspended, ended or changed), so the job stopped.`,
    );
  }
}
