import { randomBytes } from "node:crypto";
import {
  type Agreement,
  type AgreementStatus,
  type AgreementWarning,
  agreementInputSchema,
  agreementWarnings,
  checkTransition,
  missingApprovals,
  type OrganisationKind,
  SHARING_PURPOSES_VERSION,
} from "@tt/domain";
import type { Clock, UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";

/** What agreements read and write: agreements, organisations (parties) and the audit log. */
export type AgreementUnitOfWork = UnitOfWorkOf<"sharing" | "identity" | "audit">;

/** A party to an agreement, by name. */
export interface AgreementParty {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
}

/** An agreement as a party sees it: what it permits, who has still to approve, what is due. */
export interface AgreementView {
  readonly agreement: Agreement;
  readonly missingApprovals: readonly string[];
  readonly warnings: readonly AgreementWarning[];
  /** Its providers and recipients (and partnership), each once, by name. */
  readonly parties: readonly AgreementParty[];
}

type Repos = AgreementUnitOfWork["repositories"];

function isParty(agreement: Pick<Agreement, "providers" | "recipients">, org: string): boolean {
  return agreement.providers.includes(org) || agreement.recipients.includes(org);
}

/** Approving for an organisation, or changing what an agreement allows, is an administrator's act. */
function requireAdministrator(actor: Actor, act: string): void {
  if (actor.role !== "admin") {
    throw new AppError(
      "forbidden",
      `Only an administrator may ${act} for their organisation; your role is ${actor.role}.`,
    );
  }
}

/**
 * Data-sharing agreements between organisations (and partnerships). A party drafts one; every
 * party's administrator approves it for their own organisation; only then may it become active.
 * Suspending it clears the approvals, so it is active again only when every party approves again.
 * Every change is written to each party's audit log.
 */
export class AgreementService {
  constructor(
    private readonly unitOfWork: AgreementUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async draft(actor: Actor, input: unknown): Promise<AgreementView> {
    authorise(actor, "agreements", "write");
    const checked = parseInput(agreementInputSchema, input, "data-sharing agreement");
    if (!isParty(checked, actor.organisationId)) {
      throw new AppError("validation-failed", "The data-sharing agreement is not valid.", [
        { path: "providers", message: "your organisation must be a provider or a recipient" },
      ]);
    }
    return this.unitOfWork.transaction(async (repos) => {
      await checkParties(repos, checked);
      const agreement = await repos.sharing.createAgreement({
        ...checked,
        organisationId: actor.organisationId,
        createdBy: actor.userId,
        pseudonymKey: randomBytes(32).toString("base64url"),
        purposesVersion: SHARING_PURPOSES_VERSION,
      });
      await recordChange(repos, actor, agreement, "create", "drafted");
      return this.view(repos, agreement);
    });
  }

  async list(actor: Actor): Promise<AgreementView[]> {
    authorise(actor, "agreements", "read");
    const repos = this.unitOfWork.repositories;
    const agreements = await repos.sharing.listAgreements(actor.organisationId);
    const names = partyNames(repos);
    return Promise.all(agreements.map((a) => this.view(repos, a, names)));
  }

  async get(actor: Actor, id: string): Promise<AgreementView> {
    authorise(actor, "agreements", "read");
    const repos = this.unitOfWork.repositories;
    const found = await repos.sharing.findAgreement(actor.organisationId, id);
    if (!found) throw notFound("data-sharing agreement", id);
    return this.view(repos, found);
  }

  /** Records the actor's organisation's approval (a draft, or a suspended agreement). */
  async approve(actor: Actor, id: string): Promise<AgreementView> {
    authorise(actor, "agreements", "write");
    requireAdministrator(actor, "approve a data-sharing agreement");
    return this.unitOfWork.transaction(async (repos) => {
      const agreement = await this.lockParty(repos, actor, id);
      if (agreement.status === "active" || agreement.status === "ended") {
        throw new AppError("conflict", `The agreement is ${agreement.status}: nothing to approve.`);
      }
      const approval = {
        organisationId: actor.organisationId,
        userId: actor.userId,
        approvedAt: this.clock.now().toISOString(),
      };
      const others = agreement.approvals.filter((a) => a.organisationId !== actor.organisationId);
      const approvals = [...others, approval];
      const changed = await repos.sharing.updateAgreement(id, {
        status: agreement.status,
        approvals,
      });
      await recordChange(repos, actor, changed, "update", "approved");
      return this.view(repos, changed);
    });
  }

  /** Activates, suspends or ends an agreement, by the rules of `checkTransition`. */
  async changeStatus(
    actor: Actor,
    id: string,
    to: AgreementStatus,
    reason?: string,
  ): Promise<AgreementView> {
    authorise(actor, "agreements", "write");
    requireAdministrator(actor, "change a data-sharing agreement's status");
    return this.unitOfWork.transaction(async (repos) => {
      const agreement = await this.lockParty(repos, actor, id);
      const check = checkTransition(agreement, to);
      if (!check.ok) throw new AppError("conflict", check.reason);
      const approvals = to === "suspended" ? [] : agreement.approvals;
      const changed = await repos.sharing.updateAgreement(id, { status: to, approvals });
      await recordChange(repos, actor, changed, "update", to, reason);
      return this.view(repos, changed);
    });
  }

  private async lockParty(repos: Repos, actor: Actor, id: string): Promise<Agreement> {
    const found = await repos.sharing.findAgreement(actor.organisationId, id, { lock: true });
    if (!found) throw notFound("data-sharing agreement", id);
    return found;
  }

  private async view(
    repos: Repos,
    agreement: Agreement,
    names = partyNames(repos),
  ): Promise<AgreementView> {
    const today = this.clock.now().toISOString().slice(0, 10);
    const ids = [...agreement.providers, ...agreement.recipients, agreement.partnershipId ?? ""];
    const parties = await Promise.all([...new Set(ids)].filter(Boolean).map(names));
    return {
      agreement,
      missingApprovals: agreement.status === "ended" ? [] : missingApprovals(agreement),
      warnings: agreementWarnings(agreement, today),
      parties: parties.filter((p): p is AgreementParty => p !== undefined),
    };
  }
}

/** Looks organisations up by id, each once however many agreements name it. */
function partyNames(repos: Repos): (id: string) => Promise<AgreementParty | undefined> {
  const found = new Map<string, Promise<AgreementParty | undefined>>();
  return (id) => {
    let party = found.get(id);
    if (!party) {
      party = repos.identity
        .findOrganisation(id)
        .then((o) => (o ? { id: o.id, name: o.name, kind: o.kind } : undefined));
      found.set(id, party);
    }
    return party;
  };
}

/** Every party is an organisation of this installation; a partnership named is one. */
async function checkParties(
  repos: Repos,
  agreement: Pick<Agreement, "providers" | "recipients" | "partnershipId">,
): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  for (const key of ["providers", "recipients"] as const) {
    for (const [i, id] of agreement[key].entries()) {
      if (!(await repos.identity.findOrganisation(id))) {
        issues.push({ path: `${key}.${i}`, message: `no organisation with id ${id}` });
      }
    }
  }
  const partnership = agreement.partnershipId;
  if (partnership && !(await repos.sharing.findPartnership(partnership))) {
    issues.push({ path: "partnershipId", message: `no partnership with id ${partnership}` });
  }
  if (issues.length > 0) {
    throw new AppError("validation-failed", "The data-sharing agreement is not valid.", issues);
  }
}

/** Writes the change to the audit log of every party, naming the agreement. */
async function recordChange(
  repos: Repos,
  actor: Actor,
  agreement: Agreement,
  action: "create" | "update",
  what: string,
  reason?: string,
): Promise<void> {
  const parties = [...new Set([...agreement.providers, ...agreement.recipients])];
  for (const organisationId of parties) {
    await repos.audit.append({
      organisationId,
      userId: actor.userId,
      action,
      resource: "agreements",
      resourceIds: [agreement.id],
      purpose: `agreement ${agreement.reference} ${what}`,
      details: {
        agreementId: agreement.id,
        agreementReference: agreement.reference,
        by: actor.organisationId,
        status: agreement.status,
        ...(reason ? { reason } : {}),
      },
    });
  }
}
