import { type DataItem, grantAppliesOn } from "@tt/domain";
import { type RunScope, scopeAllows } from "../planning";
import type { Clock, PlanRun, StoredPlan, UnitOfWorkOf } from "../ports";
import { type Actor, AppError } from "../shared";
import { requireAgreement, type SharedAccess } from "../sharing";
import { findOperatingPlan } from "./operating-day";

/**
 * What a crew needs of another organisation's passengers to run its runs: who to greet, where to
 * pick them up, what matters on the road, and the trips themselves.
 */
export const OPERATING_RUNS_NEEDS: readonly DataItem[] = [
  "identity",
  "home-location",
  "travel-needs",
  "trips",
];

/** What reaching the runs of granted vehicles reads. */
export type GrantedRunsRepositories = UnitOfWorkOf<
  "grants" | "plans" | "sharing" | "identity"
>["repositories"];

/** Another organisation's runs on the actor's vehicles, reached under its agreement. */
export interface GrantedDay extends GrantedPlan {
  readonly access: SharedAccess;
}

/** Another organisation's runs on the actor's vehicles that no agreement lets the actor see. */
export interface WithheldRuns {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly vehicleIds: readonly string[];
  readonly reason: string;
}

export interface GrantedRuns {
  readonly days: readonly GrantedDay[];
  readonly withheld: readonly WithheldRuns[];
}

const NONE: GrantedRuns = { days: [], withheld: [] };

/**
 * The runs other organisations' operating plans of the day have on the vehicles the actor crews
 * (a fleet manager: their operator's), where the actor's organisation grants those vehicles to
 * them that day. Each organisation's runs are reached only under its active agreement for
 * `operating-runs` covering `OPERATING_RUNS_NEEDS`; without one they are withheld, with the
 * reason. Office roles (who see every run of their own) reach none.
 */
export async function grantedRunsOf(
  repos: GrantedRunsRepositories,
  clock: Clock,
  actor: Actor,
  serviceDate: string,
  scope: RunScope,
): Promise<GrantedRuns> {
  if ("every" in scope || scope.vehicleIds.size === 0) return NONE;
  const days: GrantedDay[] = [];
  const withheld: WithheldRuns[] = [];
  for (const found of await grantedPlansOf(repos, actor, serviceDate, scope)) {
    const access = await operatingAccess(repos, clock, actor, found.organisationId);
    if (typeof access === "string") {
      const { organisationId, organisationName } = found;
      const vehicleIds = found.runs.map((r) => r.vehicleId);
      withheld.push({ organisationId, organisationName, vehicleIds, reason: access });
    } else {
      days.push({ ...found, access });
    }
  }
  return { days, withheld };
}

/** Another organisation's operating plan of the day and its runs on the actor's vehicles. */
export interface GrantedPlan {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly plan: StoredPlan;
  readonly runs: readonly PlanRun[];
}

/**
 * The operating plans of the day of the organisations the actor's organisation grants vehicles
 * to, with their runs on the vehicles in the actor's scope (every vehicle granted, for office
 * roles). Only when and where a vehicle runs: the caller reaches passengers under an agreement.
 */
export async function grantedPlansOf(
  repos: GrantedRunsRepositories,
  actor: Actor,
  serviceDate: string,
  scope: RunScope,
): Promise<GrantedPlan[]> {
  const out: GrantedPlan[] = [];
  for (const [grantee, vehicles] of await granteesOf(repos, actor, serviceDate, scope)) {
    const plan = await findOperatingPlan(repos, grantee, serviceDate);
    const runs = plan?.runs.filter((r) => vehicles.has(r.vehicleId)) ?? [];
    if (!plan || runs.length === 0) continue;
    const organisationName = (await repos.identity.findOrganisation(grantee))?.name ?? grantee;
    out.push({ organisationId: grantee, organisationName, plan, runs });
  }
  return out;
}

/** The actor's vehicles granted away on the day, by the organisation they are granted to. */
async function granteesOf(
  repos: GrantedRunsRepositories,
  actor: Actor,
  serviceDate: string,
  scope: RunScope,
): Promise<Map<string, Set<string>>> {
  const grants =
    "every" in scope
      ? await repos.grants.listMade(actor.organisationId)
      : await repos.grants.listNaming([...scope.vehicleIds]);
  const out = new Map<string, Set<string>>();
  for (const grant of grants) {
    if (grant.organisationId !== actor.organisationId) continue;
    if (!grantAppliesOn(grant, serviceDate)) continue;
    const set = out.get(grant.granteeId) ?? new Set<string>();
    for (const id of grant.vehicleIds) if (scopeAllows(scope, id)) set.add(id);
    out.set(grant.granteeId, set);
  }
  return out;
}

/** The agreement that lets the actor run `owner`'s runs, or why there is none. */
async function operatingAccess(
  repos: GrantedRunsRepositories,
  clock: Clock,
  actor: Actor,
  owner: string,
): Promise<SharedAccess | string> {
  try {
    const access = await requireAgreement(
      repos,
      clock,
      actor,
      owner,
      "operating-runs",
      OPERATING_RUNS_NEEDS,
    );
    const lacks = OPERATING_RUNS_NEEDS.filter((item) => !access.items.has(item));
    if (lacks.length === 0) return access;
    return `agreement ${access.agreement.reference} does not share ${lacks.join(", ")} for operating runs`;
  } catch (error) {
    if (error instanceof AppError && error.code === "not-found") {
      return "no active agreement shares its passengers with your organisation for operating runs";
    }
    throw error;
  }
}
