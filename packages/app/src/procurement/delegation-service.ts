import {
  type Commitment,
  commitmentIn,
  type Delegation,
  type DelegationChange,
  type DelegationStatus,
  delegationAnswerSchema,
  delegationChangeSchema,
  delegationInputSchema,
} from "@tt/domain";
import type { UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";

/** What delegations read and write. */
export type DelegationUnitOfWork = UnitOfWorkOf<"delegations" | "identity" | "contracts" | "audit">;
type Repos = DelegationUnitOfWork["repositories"];

/** A delegation with both parties named. */
export interface DelegationView extends Delegation {
  readonly councilName: string;
  readonly consortiumName: string;
}

/** What a consortium has committed against a delegated budget, contract by contract. */
export interface DelegationSpend {
  readonly delegation: DelegationView;
  readonly budgetPence: number;
  readonly committedPence: number;
  readonly remainingPence: number;
  readonly contracts: readonly {
    readonly contractId: string;
    readonly reference: string;
    readonly title: string;
    readonly status: string;
    readonly commitment: Commitment;
  }[];
}

const WRITING_ROLES: readonly Actor["role"][] = ["admin", "commissioner"];

/**
 * Local consortia's delegated budgets and areas (role grant `delegations`): a council's
 * commissioners and administrators propose to a local consortium a budget in pence for a
 * financial year and an area (GeoJSON), change them and withdraw them; the consortium's accept or
 * decline them, and only an accepted one counts. Both parties read them; what the consortium has
 * committed is shown to the council once it has accepted. Every step is in both parties' logs.
 */
export class DelegationService {
  constructor(private readonly unitOfWork: DelegationUnitOfWork) {}

  async create(actor: Actor, body: unknown): Promise<DelegationView> {
    mustWrite(actor);
    const input = parseInput(delegationInputSchema, body, "delegation");
    return this.unitOfWork.transaction(async (repos) => {
      const council = await repos.identity.findOrganisation(actor.organisationId);
      if (council?.kind !== "council") {
        throw new AppError("forbidden", "Only a council delegates budgets and areas to consortia.");
      }
      const consortium = await repos.identity.findOrganisation(input.consortiumId);
      if (consortium?.kind !== "local-consortium") {
        throw new AppError("validation-failed", "The delegation is not valid.", [
          { path: "consortiumId", message: "not a local consortium" },
        ]);
      }
      const mine = await repos.delegations.list(actor.organisationId, "made");
      const live = mine.find(
        (d) =>
          d.consortiumId === input.consortiumId &&
          d.financialYear === input.financialYear &&
          (d.status === "proposed" || d.status === "accepted"),
      );
      if (live) {
        throw new AppError(
          "conflict",
          "You have already delegated to the consortium for that year.",
          [
            {
              path: "financialYear",
              message: `a delegation for this year is ${live.status}: change it`,
            },
          ],
        );
      }
      const made = await repos.delegations.create(actor.organisationId, input);
      await audited(repos, actor, made, "create", "delegations: budget and area delegated", {});
      return (await viewed(repos, [made]))[0]!;
    });
  }

  /** The council changes the budget or the area; the consortium reads the change in its log. */
  async update(actor: Actor, id: string, body: unknown): Promise<DelegationView> {
    mustWrite(actor);
    const change = parseInput(
      delegationChangeSchema,
      body,
      "delegation change",
    ) as DelegationChange;
    return this.unitOfWork.transaction(async (repos) => {
      await repos.delegations.lock(id);
      const found = await repos.delegations.findFor(actor.organisationId, id);
      if (!found) throw notFound("delegation", id);
      if (found.councilId !== actor.organisationId) {
        throw new AppError("forbidden", "Only the council that delegated changes a delegation.");
      }
      if (found.status !== "proposed" && found.status !== "accepted") {
        throw new AppError("conflict", `The delegation is ${found.status}: it cannot be changed.`);
      }
      const changed = await repos.delegations.update(id, change);
      await audited(repos, actor, changed, "update", "delegations: budget or area changed", {
        budgetBeforePence: found.budgetPence,
        areaChanged: change.area === undefined ? "no" : "yes",
      });
      return (await viewed(repos, [changed]))[0]!;
    });
  }

  /** The consortium accepts or declines a proposed delegation; one accepted per year. */
  async answer(actor: Actor, id: string, body: unknown): Promise<DelegationView> {
    mustWrite(actor);
    const { answer } = parseInput(delegationAnswerSchema, body, "answer");
    return this.unitOfWork.transaction(async (repos) => {
      await repos.delegations.lock(id);
      const found = await repos.delegations.findFor(actor.organisationId, id);
      if (!found) throw notFound("delegation", id);
      if (found.consortiumId !== actor.organisationId) {
        throw new AppError("forbidden", "Only the consortium answers a delegation to it.");
      }
      if (found.status !== "proposed") {
        throw new AppError("conflict", `The delegation is ${found.status}, no longer proposed.`);
      }
      const status: DelegationStatus = answer === "accept" ? "accepted" : "declined";
      const answered = await repos.delegations.setStatus(id, status);
      await audited(repos, actor, answered, "update", `delegations: ${status}`, { status });
      return (await viewed(repos, [answered]))[0]!;
    });
  }

  /** The council withdraws a proposed or accepted delegation: it stops counting. */
  async withdraw(actor: Actor, id: string): Promise<DelegationView> {
    mustWrite(actor);
    return this.unitOfWork.transaction(async (repos) => {
      await repos.delegations.lock(id);
      const found = await repos.delegations.findFor(actor.organisationId, id);
      if (!found) throw notFound("delegation", id);
      if (found.councilId !== actor.organisationId) {
        throw new AppError("forbidden", "Only the council that delegated withdraws a delegation.");
      }
      if (found.status !== "proposed" && found.status !== "accepted") {
        throw new AppError(
          "conflict",
          `The delegation is ${found.status}: it cannot be withdrawn.`,
        );
      }
      const withdrawn = await repos.delegations.setStatus(id, "withdrawn");
      await audited(repos, actor, withdrawn, "update", "delegations: withdrawn", {
        status: "withdrawn",
        statusBefore: found.status,
      });
      return (await viewed(repos, [withdrawn]))[0]!;
    });
  }

  async list(actor: Actor, side: "made" | "received"): Promise<DelegationView[]> {
    authorise(actor, "delegations", "read");
    const repos = this.unitOfWork.repositories;
    return viewed(repos, await repos.delegations.list(actor.organisationId, side));
  }

  async get(actor: Actor, id: string): Promise<DelegationView> {
    authorise(actor, "delegations", "read");
    const repos = this.unitOfWork.repositories;
    const found = await repos.delegations.findFor(actor.organisationId, id);
    if (!found) throw notFound("delegation", id);
    return (await viewed(repos, [found]))[0]!;
  }

  /**
   * The budget, what the consortium's signed contracts commit in the delegation's financial year
   * (a day's price times the weekdays of their terms within it: `commitmentIn`), and what remains.
   */
  async spend(actor: Actor, id: string): Promise<DelegationSpend> {
    const delegation = await this.get(actor, id);
    if (delegation.consortiumId !== actor.organisationId && delegation.status !== "accepted") {
      throw new AppError(
        "conflict",
        delegation.status === "proposed"
          ? "The delegation is not accepted yet: its spend is shown once the consortium accepts it."
          : `The delegation is ${delegation.status}: its spend is shown only while it is accepted.`,
      );
    }
    const year = delegation.financialYear;
    const bought = await this.unitOfWork.repositories.contracts.list(
      delegation.consortiumId,
      "bought",
    );
    const contracts = bought
      .filter((c) => c.status !== "draft")
      .map((c) => ({
        contractId: c.id,
        reference: c.reference,
        title: c.title,
        status: c.status,
        commitment: commitmentIn(c, year),
      }))
      .filter((c) => !c.commitment.counted || c.commitment.days > 0);
    const committedPence = contracts.reduce(
      (sum, c) => sum + (c.commitment.counted ? c.commitment.pence : 0),
      0,
    );
    const budgetPence = delegation.budgetPence;
    return {
      delegation,
      budgetPence,
      committedPence,
      remainingPence: budgetPence - committedPence,
      contracts,
    };
  }
}

function mustWrite(actor: Actor): void {
  authorise(actor, "delegations", "write");
  if (!WRITING_ROLES.includes(actor.role)) {
    throw new AppError(
      "forbidden",
      "A council's commissioners and administrators delegate budgets.",
    );
  }
}

/** The step in both parties' audit logs, with the budget and year it concerns. */
async function audited(
  repos: Repos,
  actor: Actor,
  d: Delegation,
  action: "create" | "update",
  purpose: string,
  more: Record<string, string | number>,
): Promise<void> {
  for (const organisationId of [d.councilId, d.consortiumId]) {
    await repos.audit.append({
      organisationId,
      userId: actor.userId,
      action,
      resource: "delegations",
      resourceIds: [d.id],
      purpose: actor.purpose ?? purpose,
      details: { financialYear: d.financialYear, budgetPence: d.budgetPence, ...more },
    });
  }
}

async function viewed(repos: Repos, found: readonly Delegation[]): Promise<DelegationView[]> {
  const names = new Map((await repos.identity.listOrganisations()).map((o) => [o.id, o.name]));
  return found.map((d) => ({
    ...d,
    councilName: names.get(d.councilId) ?? "",
    consortiumName: names.get(d.consortiumId) ?? "",
  }));
}
