import { formatMinutesOfDay } from "@tt/domain";
import type { PlanHeader, PlanRun, StoredPlan, UnitOfWorkOf, VehicleClaim } from "../ports";
import { type Actor, AppError, authorise, notFound } from "../shared";
import { findFleetVehicles } from "./fleet-reads";

/** What publishing reads and writes: plans, the fleet (for references) and the audit log. */
export type PublicationUnitOfWork = UnitOfWorkOf<"plans" | "vehicles" | "grants" | "audit">;

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
  constructor(private readonly unitOfWork: PublicationUnitOfWork) {}

  async publish(actor: Actor, planId: string): Promise<{ plan: PlanHeader; superseded: string[] }> {
    authorise(actor, "plans", "write");
    const org = actor.organisationId;
    return this.unitOfWork.transaction(async (repos) => {
      const plan = await repos.plans.find(org, planId);
      if (!plan) throw notFound("plan", planId);
      const newer = await repos.plans.findRevisionOf(org, planId);
      if (newer) throw notLatest(planId, newer);
      const superseded = await publishIn(repos, actor, plan);
      const { runs: _runs, unassigned: _unassigned, ...header } = plan;
      return { plan: { ...header, status: "published" }, superseded };
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
  actor: Actor,
  plan: StoredPlan,
): Promise<string[]> {
  const org = actor.organisationId;
  await repos.plans.lockServiceDay(plan.serviceDate);
  const vehicleIds = plan.runs.map((r) => r.vehicleId);
  const claims = await repos.plans.listVehicleClaims(plan.serviceDate, vehicleIds, org);
  const clashes = clashesOf(plan.runs, claims);
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
  return superseded;
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
