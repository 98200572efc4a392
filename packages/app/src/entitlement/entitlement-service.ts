import {
  assessResolved,
  type DomainIssue,
  type EntitlementDecision,
  isIsoDate,
  parseEntitlementCase,
  resolvePolicy,
} from "@tt/domain";
import {
  type Clock,
  type EntitlementQuery,
  type Page,
  type StoredEntitlementDecision,
  systemClock,
  type UnitOfWorkOf,
} from "../ports";
import { type Actor, AppError, authorise, notFound } from "../shared";
import { choosePolicies, londonDate, type PolicyChoice } from "./policy-choice";

/** The repositories entitlement decisions use. */
export type EntitlementUnitOfWork = UnitOfWorkOf<"entitlements" | "passengers" | "audit">;

export interface AssessOptions extends PolicyChoice {
  readonly passengerId?: string;
  /** Why the case is assessed; recorded in the audit log. */
  readonly purpose: string;
  /** The assessment date, "YYYY-MM-DD"; default today in England. */
  readonly assessedOn?: string;
}

/** Decides a case, validating it with every problem named under `prefix`. */
export function decideCase(
  input: unknown,
  options: PolicyChoice & { assessedOn: string },
  prefix = "case",
): EntitlementDecision {
  const parsed = parseEntitlementCase(input);
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => ({ ...i, path: `${prefix}.${i.path}` }));
    throw new AppError("validation-failed", "The case is not valid.", issues);
  }
  const { policy, localPolicy } = choosePolicies(options, options.assessedOn);
  try {
    return assessResolved(parsed.value, resolvePolicy(policy, localPolicy), options.assessedOn);
  } catch (error) {
    const issue: DomainIssue = { path: "assessedOn", message: (error as Error).message };
    throw new AppError("validation-failed", "The case cannot be decided on that date.", [issue]);
  }
}

/**
 * Entitlement decisions: assessed by role (assessors, commissioners, admins), stored with an audit
 * row in one transaction, and read back only inside the actor's organisation.
 */
export class EntitlementService {
  constructor(
    private readonly unitOfWork: EntitlementUnitOfWork,
    private readonly clock: Clock = systemClock,
  ) {}

  async assess(
    actor: Actor,
    input: unknown,
    options: AssessOptions,
  ): Promise<StoredEntitlementDecision> {
    authorise(actor, "entitlements", "write");
    const assessedOn = options.assessedOn ?? londonDate(this.clock.now());
    if (!isIsoDate(assessedOn))
      throw new AppError("validation-failed", "The assessment date is not valid.", [
        { path: "assessedOn", message: 'expected "YYYY-MM-DD"' },
      ]);
    const decision = decideCase(input, { ...options, assessedOn });
    const passengerId = options.passengerId ?? null;
    return this.unitOfWork.transaction(async (repos) => {
      if (passengerId && !(await repos.passengers.find(actor.organisationId, passengerId)))
        throw new AppError("validation-failed", "The passenger does not exist.", [
          {
            path: "passengerId",
            message: `no passenger with id ${passengerId} in your organisation`,
          },
        ]);
      const stored = await repos.entitlements.create(actor.organisationId, {
        passengerId,
        createdBy: actor.userId,
        decision,
      });
      await this.audit(repos, actor, "create", stored, options.purpose);
      return stored;
    });
  }

  async get(actor: Actor, id: string, purpose?: string): Promise<StoredEntitlementDecision> {
    authorise(actor, "entitlements", "read");
    const repos = this.unitOfWork.repositories;
    const found = await repos.entitlements.find(actor.organisationId, id);
    if (!found) throw notFound("entitlement decision", id);
    await this.audit(repos, actor, "read", found, purpose);
    return found;
  }

  async list(
    actor: Actor,
    query: EntitlementQuery,
    purpose?: string,
  ): Promise<Page<StoredEntitlementDecision>> {
    authorise(actor, "entitlements", "read");
    const repos = this.unitOfWork.repositories;
    const page = await repos.entitlements.list(actor.organisationId, query);
    await repos.audit.append({
      organisationId: actor.organisationId,
      userId: actor.userId,
      action: "list",
      resource: "entitlements",
      resourceIds: page.items.map((d) => d.id),
      purpose: purpose ?? actor.purpose ?? "entitlement: list decisions",
      ...(query.passengerId ? { details: { passengerId: query.passengerId } } : {}),
    });
    return page;
  }

  private async audit(
    repos: EntitlementUnitOfWork["repositories"],
    actor: Actor,
    action: "create" | "read",
    stored: StoredEntitlementDecision,
    purpose?: string,
  ) {
    await repos.audit.append({
      organisationId: actor.organisationId,
      userId: actor.userId,
      action,
      resource: "entitlements",
      resourceIds: stored.passengerId ? [stored.id, stored.passengerId] : [stored.id],
      purpose: purpose ?? actor.purpose ?? `entitlement: ${action} decision`,
      details: {
        regime: stored.regime,
        category: stored.category,
        eligible: stored.eligible,
        policyVersion: stored.policyVersion,
      },
    });
  }
}
