import type { Problem } from "@tt/solver";
import { type Clock, type StoredPlan, systemClock, type TravelTimeProvider } from "../../ports";
import { type Actor, AppError, authorise, notFound } from "../../shared";
import { RestoredProblems } from "../kept-problem";
import { enginePlan } from "../plan-from-solution";
import { type PublicationUnitOfWork, publishIn } from "../publication-service";
import { applyChange, type PlanChange } from "./plan-override-change";
import { type ChangeEvaluation, compareEvaluations } from "./plan-override-evaluation";
import { revisionOf } from "./plan-override-revision";

export interface OverrideInput {
  readonly change: PlanChange;
  /** Why the planner changed the plan: kept in the audit log only. */
  readonly reason?: string;
  /** Must be true to save a plan that breaks rules (the violations are listed otherwise). */
  readonly acceptViolations?: boolean;
}

export interface SavedOverride {
  readonly plan: StoredPlan;
  readonly checked: ChangeEvaluation;
}

const OVERRIDE_PURPOSE = "planning: planner's override of a day plan";

/**
 * The planner's desk: checks a proposed change to a stored plan with the engine's own
 * `evaluate()` against the Problem the plan was made from, and saves it as a new revision (the
 * original is kept) with an audit row. Roles need the `plans` write grant.
 */
export class PlanOverrideService {
  private readonly problems: RestoredProblems;

  constructor(
    private readonly unitOfWork: PublicationUnitOfWork,
    travelTimes: TravelTimeProvider | RestoredProblems,
    private readonly clock: Clock = systemClock,
  ) {
    this.problems =
      travelTimes instanceof RestoredProblems ? travelTimes : new RestoredProblems(travelTimes);
  }

  /** Cost and violations before and after the change; nothing is saved. */
  async evaluateChange(
    actor: Actor,
    planId: string,
    change: PlanChange,
  ): Promise<ChangeEvaluation> {
    authorise(actor, "plans", "write");
    const { plan, problem } = await this.load(actor, planId);
    const current = enginePlan(plan);
    return compareEvaluations(problem, current, applyChange(problem, current, change));
  }

  /**
   * Stores the changed plan as the next revision of `planId` and audits who moved what and why,
   * in one transaction. A plan that breaks rules needs `acceptViolations` (else `conflict`).
   */
  async saveOverride(actor: Actor, planId: string, input: OverrideInput): Promise<SavedOverride> {
    authorise(actor, "plans", "write");
    const { plan, problem } = await this.load(actor, planId);
    const newer = await this.unitOfWork.repositories.plans.findRevisionOf(
      actor.organisationId,
      planId,
    );
    if (newer) throw alreadyRevised(planId, newer);
    const current = enginePlan(plan);
    const checked = compareEvaluations(
      problem,
      current,
      applyChange(problem, current, input.change),
    );
    refuseUnsaveable(checked, input);
    const saved = await this.unitOfWork.transaction(async (repos) => {
      const stored = await repos.plans.saveRevision(
        actor.organisationId,
        plan.id,
        revisionOf(plan, problem, checked),
      );
      // A change to the operating plan is the operating plan from now on.
      if (plan.status === "published")
        await publishIn(repos, this.clock, actor, stored, { previous: plan });
      await repos.audit.append({
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: "update",
        resource: "plans",
        resourceIds: [stored.id, plan.id],
        purpose: actor.purpose ?? OVERRIDE_PURPOSE,
        details: auditDetails(stored.revision, plan.id, checked, input.reason),
      });
      return stored;
    });
    // The revision shares its original's Problem: the next check of it starts at once.
    this.problems.share(actor.organisationId, plan.id, saved.id);
    return { plan: saved, checked };
  }

  /** The plan and the Problem it was made from; a plan without a kept Problem cannot be checked. */
  private async load(
    actor: Actor,
    planId: string,
  ): Promise<{ plan: StoredPlan; problem: Problem }> {
    const repos = this.unitOfWork.repositories;
    const plan = await repos.plans.find(actor.organisationId, planId);
    if (!plan) throw notFound("plan", planId);
    const org = actor.organisationId;
    const live = await this.problems.get(org, planId, () =>
      repos.plans.findProblemChain(org, planId),
    );
    const problem = live?.whole();
    if (!problem) {
      throw new AppError(
        "conflict",
        `Plan ${planId} was stored without its Problem (plans made before every Problem was kept), so a change cannot be checked against it: plan the day again.`,
        [{ path: "id", message: "this plan's Problem was not kept" }],
      );
    }
    return { plan, problem };
  }
}

function alreadyRevised(planId: string, newer: string): AppError {
  return new AppError(
    "conflict",
    `Plan ${planId} has already been revised (as plan ${newer}); make the change on its latest revision.`,
    [{ path: "id", message: "this plan has a newer revision" }],
  );
}

/** A change that changes nothing, or breaks rules nobody accepted, is not saved. */
function refuseUnsaveable(checked: ChangeEvaluation, input: OverrideInput): void {
  if (checked.changedRuns.length === 0) {
    throw new AppError("validation-failed", "The change leaves every run as it is.", [
      { path: "move" in input.change ? "move" : "runs", message: "nothing to save" },
    ]);
  }
  const violations = checked.after.violations;
  if (violations.length > 0 && input.acceptViolations !== true) {
    throw new AppError(
      "conflict",
      `The changed plan breaks ${violations.length} rule(s); send "acceptViolations": true to save it anyway.`,
      violations.map((v, i) => ({
        path: `violations.${i}`,
        message: `${v.constraint}: ${v.message}`,
      })),
    );
  }
}

/** Who moved what and why: the audit row of an override (the actor is the row's user). */
function auditDetails(
  revision: number,
  revisedFrom: string,
  checked: ChangeEvaluation,
  reason: string | undefined,
): Record<string, unknown> {
  return {
    revisedFrom,
    revision,
    reason: reason?.trim() || null,
    moved: checked.moved,
    changedRuns: checked.changedRuns,
    acceptedViolations: checked.after.violations.map((v) => v.constraint),
    costChange: checked.change,
  };
}
