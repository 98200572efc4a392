import { formatMinutesOfDay } from "@tt/domain";
import { noticesDue, pickupTimesOf, queuePlanNotices } from "../notifications";
import {
  type Clock,
  type PlanHeader,
  type PlanRun,
  type StoredPlan,
  systemClock,
  type UnitOfWorkOf,
  type VehicleClaim,
} from "../ports";
import { type Actor, AppError, authorise, isAppError, notFound } from "../shared";
import { requireAgreement } from "../sharing";
import { findFleetVehicles } from "./fleet-reads";
import { PLANNING_POOL } from "./partnership-plan";
import { memberAccess } from "./pooled-day";

/** What publishing reads and writes: plans, the fleet (for references) and the audit log. */
export type PublicationUnitOfWork = UnitOfWorkOf<
  "plans" | "vehicles" | "grants" | "audit" | "sharing" | "contacts" | "messages"
>;

/**
 * What a publication tells passengers: the plan it replaces (read from the day's superseded plan
 * when not given; none at the day's first publication) and the trips this change cancelled.
 */
export interface PublicationNotice {
  readonly previous?: Pick<StoredPlan, "runs">;
  readonly cancelled?: readonly string[];
}

/** A vehicle the plan would run while another organisation's published plan runs it. */
interface Clash {
  readonly vehicleId: string;
  readonly ours: { from: number; to: number };
  readonly theirs: VehicleClaim;
}

/** When a run uses its vehicle: its first arrival to its last departure, minutes. */
function spanOf(run: PlanRun): { from: number; to: number } | undefined {
  if (run.stops.length === 0) return undefined;
  const from = Math.min(...run.stops.map((s) => s.arrival));
  const to = Math.max(...run.stops.map((s) => s.departure));
  return { from, to };
}

/** The plan's runs that overlap, on the same vehicle, a run of another organisation's plan. */
export function clashesOf(runs: readonly PlanRun[], claims: readonly VehicleClaim[]): Clash[] {
  const clashes: Clash[] = [];
  for (const run of runs) {
    const ours = spanOf(run);
    if (!ours) continue;
    for (const theirs of claims) {
      if (theirs.vehicleId !== run.vehicleId) continue;
      if (ours.from < theirs.to && theirs.from < ours.to)
        clashes.push({ vehicleId: run.vehicleId, ours, theirs });
    }
  }
  return clashes;
}

const clock = (minutes: number) => formatMinutesOfDay(Math.round(minutes));

/**
 * Publishes a plan as its organisation's operating plan for the day: the one published before
 * for that day is superseded. Only a plan's latest revision can be published, and never one that
 * runs a vehicle while another organisation's published plan of the day runs it (a vehicle
 * granted to two organisations is in one run at a time). The day is locked while this is checked,
 * so two organisations publishing at once are checked one after the other. Audited.
 */
export class PlanPublicationService {
  constructor(
    private readonly unitOfWork: PublicationUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

  async publish(actor: Actor, planId: string): Promise<{ plan: PlanHeader; superseded: string[] }> {
    authorise(actor, "plans", "write");
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      const plan = await repos.plans.find(org, planId);
      if (!plan) throw notFound("plan", planId);
      const newer = await repos.plans.findRevisionOf(org, planId);
      if (newer) throw notLatest(planId, newer);
      const superseded = await publishIn(repos, this.clock, actor, plan);
      const { runs: _runs, unassigned: _unassigned, ...header } = plan;
      return { plan: { ...header, status: "published" }, superseded };
    });
  }

  /** Withdraws the organisation's published plan: a draft again, and its vehicles free. */
  async withdraw(actor: Actor, planId: string): Promise<PlanHeader> {
    authorise(actor, "plans", "write");
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      const plan = await repos.plans.find(org, planId);
      if (!plan) throw notFound("plan", planId);
      if (plan.status !== "published") {
        throw new AppError("conflict", `Plan ${planId} is not published: it is ${plan.status}.`);
      }
      await repos.plans.markWithdrawn(org, planId);
      await repos.audit.append({
        organisationId: org,
        userId: actor.userId,
        action: "update",
        resource: "plans",
        resourceIds: [planId],
        purpose: actor.purpose ?? `withdrawn as the operating plan for ${plan.serviceDate}`,
        details: { serviceDate: plan.serviceDate, status: "draft" },
      });
      const { runs: _runs, unassigned: _unassigned, ...header } = plan;
      return { ...header, status: "draft" };
    });
  }
}

/**
 * Inside the caller's transaction: locks the plan's day, refuses a vehicle another
 * organisation's published plan runs at the same time, marks the plan published (superseding
 * the one before) and audits it. Answers the ids superseded.
 */
export async function publishIn(
  repos: PublicationUnitOfWork["repositories"],
  clock: Clock,
  actor: Actor,
  plan: StoredPlan,
  notice: PublicationNotice = {},
): Promise<string[]> {
  const org = actor.organisationId;
  await stillPooled(repos, clock, actor, plan);
  await repos.plans.lockServiceDay(plan.serviceDate);
  const vehicleIds = plan.runs.map((r) => r.vehicleId);
  const claims = await repos.plans.listVehicleClaims(plan.serviceDate, vehicleIds, org);
  const clashes = clashesOf(plan.runs, await standingClaims(repos, clock, org, claims));
  if (clashes.length > 0) {
    const vehicles = await findFleetVehicles(repos, org, vehicleIds);
    throw clashError(clashes, (id) => vehicles.get(id)?.reference ?? id);
  }
  const superseded = await repos.plans.markPublished(org, plan.id);
  await repos.audit.append({
    organisationId: org,
    userId: actor.userId,
    action: "publish",
    resource: "plans",
    resourceIds: [plan.id, ...superseded],
    purpose: actor.purpose ?? `operating plan for ${plan.serviceDate}`,
    details: { serviceDate: plan.serviceDate, revision: plan.revision, superseded },
  });
  if (noticesDue(clock, plan.serviceDate)) {
    const previous = notice.previous ?? (await supersededPlan(repos, org, superseded));
    const before = previous && pickupTimesOf(previous);
    await queuePlanNotices(repos, clock, org, plan, before, notice.cancelled);
  }
  return superseded;
}

/** The plan this publication replaced, when there was one. */
async function supersededPlan(
  repos: PublicationUnitOfWork["repositories"],
  organisationId: string,
  superseded: readonly string[],
): Promise<StoredPlan | undefined> {
  const id = superseded[0];
  return id === undefined ? undefined : repos.plans.find(organisationId, id);
}

/**
 * A partnership's pooled plan is published only while every member it pooled still shares its
 * day under the same integrated-planning agreement; otherwise 409 names the agreement.
 */
async function stillPooled(
  repos: PublicationUnitOfWork["repositories"],
  clock: Clock,
  actor: Actor,
  plan: StoredPlan,
): Promise<void> {
  const pool = plan.summary.pool;
  if (!pool) return;
  const partnership = await repos.sharing.findPartnership(actor.organisationId);
  const byName = new Map(partnership?.members.map((m) => [m.name, m.id]) ?? []);
  for (const member of pool.members) {
    const id = byName.get(member.organisation);
    const access = id ? await memberAccess(repos, clock, actor, id, PLANNING_POOL) : "not a member";
    if (typeof access !== "string" && access.agreement.reference === member.agreement) continue;
    throw new AppError(
      "conflict",
      `Data-sharing agreement ${member.agreement} no longer lets the partnership plan with ${member.organisation}'s data (it was suspended, ended or changed), so this plan cannot be published: plan the day again.`,
      [{ path: "id", message: `agreement ${member.agreement} is no longer active` }],
    );
  }
}

/**
 * The claims that stand: a partnership's published plan holds a member's vehicles only while
 * that member still shares its day with the partnership for integrated planning, so a member
 * that suspended its agreement can publish its own plan again.
 */
async function standingClaims(
  repos: PublicationUnitOfWork["repositories"],
  clock: Clock,
  organisationId: string,
  claims: readonly VehicleClaim[],
): Promise<VehicleClaim[]> {
  const standing: VehicleClaim[] = [];
  const pooling = new Map<string, boolean>();
  for (const claim of claims) {
    if (!pooling.has(claim.organisationId))
      pooling.set(claim.organisationId, await poolsWith(repos, clock, claim, organisationId));
    if (pooling.get(claim.organisationId) !== false) standing.push(claim);
  }
  return standing;
}

/** False when the claim is a partnership's of which the organisation is a member no longer sharing. */
async function poolsWith(
  repos: PublicationUnitOfWork["repositories"],
  clock: Clock,
  claim: VehicleClaim,
  member: string,
): Promise<boolean> {
  const partnership = await repos.sharing.findPartnership(claim.organisationId);
  if (!partnership?.members.some((m) => m.id === member)) return true;
  const recipient = { organisationId: claim.organisationId };
  try {
    await requireAgreement(repos, clock, recipient, member, "integrated-planning");
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === "not-found") return false;
    throw error;
  }
}

function notLatest(planId: string, newer: string): AppError {
  return new AppError(
    "conflict",
    `Plan ${planId} has a newer revision (plan ${newer}); publish its latest revision.`,
    [{ path: "id", message: "this plan has a newer revision" }],
  );
}

function clashError(clashes: readonly Clash[], reference: (id: string) => string): AppError {
  return new AppError(
    "conflict",
    `${clashes.length} of the plan's runs use a vehicle while another organisation's published plan of the day runs it; a vehicle is in one run at a time.`,
    clashes.map((c) => ({
      path: `runs.${c.vehicleId}`,
      message: `${reference(c.vehicleId)}: this plan ${clock(c.ours.from)}–${clock(c.ours.to)}, another organisation's published plan ${clock(c.theirs.from)}–${clock(c.theirs.to)}`,
    })),
  );
}
