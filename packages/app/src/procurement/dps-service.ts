import {
  DPS_BUYER_KINDS,
  DPS_SUPPLIER_KINDS,
  type DpsApplication,
  type DpsApplicationStatus,
  describeLapse,
  dpsApplicationInputSchema,
  dpsDecisionInputSchema,
  findDpsMoveRefusal,
} from "@tt/domain";
import { londonDate } from "../entitlement";
import { type Clock, systemClock, type UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";
import { type ComplianceRecord, complianceRecordOf } from "./compliance-service";

/** What the DPS reads and writes. */
export type DpsUnitOfWork = UnitOfWorkOf<"dps" | "identity" | "compliance" | "vehicles" | "audit">;
type Repos = DpsUnitOfWork["repositories"];

/** An application with both parties named. */
export interface DpsApplicationView extends DpsApplication {
  readonly operatorName: string;
  readonly buyerName: string;
}

/** Today in the UK. */
const today = (clock: Clock) => londonDate(clock.now());

/** Who decides on applications: not an operator user (of a buyer's in-house fleet, say). */
const DECIDING_ROLES: readonly Actor["role"][] = ["admin", "commissioner"];

/**
 * A buyer's dynamic purchasing system: operators and community transport groups apply to its
 * categories; the buyer (a council, the ICB, a partnership, a consortium) admits, refuses or
 * suspends, and reads each applicant's compliance documents with their warnings. An operator whose
 * own licence or insurance has lapsed is not admitted. Every step is written to both parties'
 * audit logs. Role grant `dps`: operators apply and withdraw, commissioners and administrators
 * decide, finance officers and auditors read.
 */
export class DpsService {
  constructor(
    private readonly unitOfWork: DpsUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

  async apply(actor: Actor, input: unknown): Promise<DpsApplicationView> {
    authorise(actor, "dps", "write");
    const application = parseInput(dpsApplicationInputSchema, input, "DPS application");
    return this.unitOfWork.transaction(async (repos) => {
      const operator = await repos.identity.findOrganisation(actor.organisationId);
      if (!operator || !DPS_SUPPLIER_KINDS.includes(operator.kind)) {
        throw new AppError(
          "forbidden",
          "Only operators and community transport groups apply to a dynamic purchasing system.",
        );
      }
      const buyer = await repos.identity.findOrganisation(application.buyerId);
      if (!buyer || !DPS_BUYER_KINDS.includes(buyer.kind)) {
        throw new AppError("validation-failed", "The DPS application is not valid.", [
          { path: "buyerId", message: "not an organisation that buys transport" },
        ]);
      }
      const stored = await repos.dps.create(operator.id, application);
      await audited(repos, actor, stored, "create", "DPS: applied");
      return { ...stored, operatorName: operator.name, buyerName: buyer.name };
    });
  }

  /** The organisations whose DPS an operator may apply to (those that buy transport). */
  async buyers(actor: Actor): Promise<{ id: string; name: string }[]> {
    authorise(actor, "dps", "read");
    const all = await this.unitOfWork.repositories.identity.listOrganisations();
    return all
      .filter((o) => DPS_BUYER_KINDS.includes(o.kind) && o.id !== actor.organisationId)
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The applications the organisation made (an operator) or received (a buyer). */
  async list(
    actor: Actor,
    side: "made" | "received",
    status?: DpsApplicationStatus,
  ): Promise<DpsApplicationView[]> {
    authorise(actor, "dps", "read");
    const repos = this.unitOfWork.repositories;
    const found = await repos.dps.list(actor.organisationId, side, status);
    return named(repos, found);
  }

  /** The buyer admits, refuses or suspends; admission needs the operator's own papers in date. */
  async decide(actor: Actor, id: string, input: unknown): Promise<DpsApplicationView> {
    authorise(actor, "dps", "write");
    if (!DECIDING_ROLES.includes(actor.role)) {
      throw new AppError("forbidden", "A buyer's commissioners and administrators decide.");
    }
    const decision = parseInput(dpsDecisionInputSchema, input, "decision");
    return this.unitOfWork.transaction(async (repos) => {
      const application = await this.lockedFor(repos, actor, id);
      if (application.buyerId !== actor.organisationId) {
        throw new AppError("forbidden", "Only the buyer decides on an application to its DPS.");
      }
      refuseMove(application.status, decision.status);
      if (decision.status === "admitted") await this.mustBeInDate(repos, application.operatorId);
      const moved = await repos.dps.move(id, { ...decision, decidedBy: actor.userId });
      await audited(repos, actor, moved, "update", `DPS: ${decision.status}`);
      return (await named(repos, [moved]))[0] ?? { ...moved, operatorName: "", buyerName: "" };
    });
  }

  /** The operator withdraws its application. */
  async withdraw(actor: Actor, id: string): Promise<DpsApplicationView> {
    authorise(actor, "dps", "write");
    return this.unitOfWork.transaction(async (repos) => {
      const application = await this.lockedFor(repos, actor, id);
      if (application.operatorId !== actor.organisationId) {
        throw new AppError("forbidden", "Only the operator withdraws its application.");
      }
      refuseMove(application.status, "withdrawn");
      const moved = await repos.dps.move(id, { status: "withdrawn" });
      await audited(repos, actor, moved, "update", "DPS: withdrawn");
      return (await named(repos, [moved]))[0] ?? { ...moved, operatorName: "", buyerName: "" };
    });
  }

  /**
   * An applicant's compliance documents, for the buyer it applied to (an open application):
   * read in the operator's audit log. Anyone else: 404.
   */
  async complianceOf(actor: Actor, operatorId: string): Promise<ComplianceRecord> {
    authorise(actor, "dps", "read");
    const repos = this.unitOfWork.repositories;
    const applied = (await repos.dps.list(actor.organisationId, "received")).find(
      (a) => a.operatorId === operatorId && a.status !== "refused" && a.status !== "withdrawn",
    );
    if (!applied) throw notFound("applicant", operatorId);
    const record = await complianceRecordOf(repos, operatorId, today(this.clock));
    await repos.audit.append({
      organisationId: operatorId,
      userId: actor.userId,
      action: "read",
      resource: "compliance",
      resourceIds: record.documents.map((d) => d.id),
      purpose: `DPS: the buyer ${actor.organisationId} read the applicant's compliance documents`,
      details: { application: applied.id, buyerId: actor.organisationId },
    });
    return record;
  }

  private async lockedFor(repos: Repos, actor: Actor, id: string): Promise<DpsApplication> {
    await repos.dps.lock(id);
    const application = await repos.dps.findFor(actor.organisationId, id);
    if (!application) throw notFound("DPS application", id);
    return application;
  }

  private async mustBeInDate(repos: Repos, operatorId: string): Promise<void> {
    const record = await complianceRecordOf(repos, operatorId, today(this.clock));
    const own = record.lapsed.filter((l) => l.vehicleId === undefined);
    if (own.length === 0) return;
    throw new AppError(
      "conflict",
      `The operator cannot be admitted while its own documents have lapsed: ${own.map(describeLapse).join("; ")}.`,
    );
  }
}

function refuseMove(from: DpsApplicationStatus, to: DpsApplicationStatus): void {
  const refusal = findDpsMoveRefusal(from, to);
  if (refusal) throw new AppError("conflict", `The application cannot move: ${refusal}.`);
}

/** The step in both parties' audit logs. */
async function audited(
  repos: Repos,
  actor: Actor,
  application: DpsApplication,
  action: "create" | "update",
  purpose: string,
): Promise<void> {
  for (const organisationId of [application.operatorId, application.buyerId]) {
    await repos.audit.append({
      organisationId,
      userId: actor.userId,
      action,
      resource: "dps-applications",
      resourceIds: [application.id],
      purpose: actor.purpose ?? purpose,
      details: { status: application.status, categories: [...application.categories] },
    });
  }
}

async function named(
  repos: Repos,
  applications: readonly DpsApplication[],
): Promise<DpsApplicationView[]> {
  const ids = [...new Set(applications.flatMap((a) => [a.operatorId, a.buyerId]))];
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await repos.identity.findOrganisation(id))?.name ?? "");
  return applications.map((a) => ({
    ...a,
    operatorName: names.get(a.operatorId) ?? "",
    buyerName: names.get(a.buyerId) ?? "",
  }));
}
