import { type DataItem, grantAppliesOn } from "@tt/domain";
import type { RunScope } from "../planning";
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
export interface GrantedDay {
  readonly access: SharedAccess;
  readonly organisationName: string;
  readonly plan: StoredPlan;
  readonly runs: readonly PlanRun[];
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
  const byGrantee = await granteesOf(repos, actor, serviceDate, [...scope.vehicleIds]);
  const days: GrantedDay[] = [];
  const withheld: WithheldRuns[] = [];
  for (const [grantee, vehicles] of byGrantee) {
    const plan = await findOperatingPlan(repos, grantee, serviceDate);
    const runs = plan?.runs.filter((r) => vehicles.has(r.vehicleId)) ?? [];
    if (!plan || runs.length === 0) continue;
    const organisationName = (await repos.identity.findOrganisation(grantee))?.name ?? grantee;
    const access = await operatingAccess(repos, clock, actor, grantee);
    if (typeof access === "string") {
      const vehicleIds = runs.map((r) => r.vehicleId);
      withheld.push({ organisationId: grantee, organisationName, vehicleIds, reason: access });
    } else {
      days.push({ access, organisationName, plan, runs });
    }
  }
  return { days, withheld };
}

/** The actor's vehicles granted away on the day, by the organisation they are granted to. */
async function granteesOf(
  repos: GrantedRunsRepositories,
  actor: Actor,
  serviceDate: string,
  vehicleIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const mine = new Set(vehicleIds);
  const out = new Map<string, Set<string>>();
  for (const grant of await repos.grants.listNaming(vehicleIds)) {
    if (grant.organisationId !== actor.organisationId) continue;
    if (!grantAppliesOn(grant, serviceDate)) continue;
    const set = out.get(grant.granteeId) ?? new Set<string>();
    for (const id of grant.vehicleIds) if (mine.has(id)) set.add(id);
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
