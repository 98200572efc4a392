import type { Funder, FunderKind } from "@tt/domain";
import type { Clock, UnitOfWorkOf } from "../ports";
import type { Actor } from "../shared";
import { analysisAccess } from "./partnership-day";

/** What listing the funders an analysis may plan reads. */
export type AnalysisFundersUnitOfWork = UnitOfWorkOf<"sharing" | "identity" | "funders">;

/** A budget an analysis may plan, the organisation that holds it, and the agreement it is under. */
export interface AnalysableFunder {
  readonly id: string;
  readonly name: string;
  readonly kind: FunderKind;
  readonly organisationId: string;
  readonly organisationName: string;
  /** The analysis agreement a partnership reads the member's day under. */
  readonly agreement?: { readonly id: string; readonly reference: string };
}

/** A partnership's member whose funders cannot be analysed, and why. */
export interface UnanalysableMember {
  readonly organisationId: string;
  readonly name: string;
  readonly reason: string;
}

export interface AnalysableFunders {
  readonly funders: AnalysableFunder[];
  readonly skipped: UnanalysableMember[];
}

type Repos = AnalysisFundersUnitOfWork["repositories"];

async function fundersOf(repos: Repos, organisationId: string): Promise<Funder[]> {
  return (await repos.funders.list(organisationId, { offset: 0, limit: 500 })).items;
}

/**
 * The funders an integration analysis by the actor's organisation may plan: its own; for a
 * partnership, those of each member whose active agreement shares its day for analysis (the
 * others listed with the reason). Funders are no one's personal data: nothing is audited.
 */
export async function listAnalysableFunders(
  repos: Repos,
  clock: Clock,
  actor: Actor,
): Promise<AnalysableFunders> {
  const partnership = await repos.sharing.findPartnership(actor.organisationId);
  if (!partnership) {
    const own = await repos.identity.findOrganisation(actor.organisationId);
    const holder = { organisationId: actor.organisationId, organisationName: own?.name ?? "" };
    const funders = await fundersOf(repos, actor.organisationId);
    return { funders: funders.map((f) => ({ ...view(f), ...holder })), skipped: [] };
  }
  const funders: AnalysableFunder[] = [];
  const skipped: UnanalysableMember[] = [];
  for (const member of partnership.members) {
    const access = await analysisAccess(repos, clock, actor, member.id);
    if (typeof access === "string") {
      skipped.push({ organisationId: member.id, name: member.name, reason: access });
      continue;
    }
    const { id, reference } = access.agreement;
    for (const f of await fundersOf(repos, member.id)) {
      const holder = { organisationId: member.id, organisationName: member.name };
      funders.push({ ...view(f), ...holder, agreement: { id, reference } });
    }
  }
  return { funders, skipped };
}

const view = (f: Funder) => ({ id: f.id, name: f.name, kind: f.kind });
