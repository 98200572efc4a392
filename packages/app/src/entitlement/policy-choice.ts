import {
  type DomainIssue,
  findLocalPolicy,
  findStatutoryPolicy,
  getStatutoryPolicyInForce,
  isInForce,
  type LocalPolicy,
  type StatutoryPolicy,
} from "@tt/domain";
import { AppError } from "../shared";

export interface PolicyChoice {
  /** A statutory policy id; default: the one in force on the assessment date. */
  readonly policyId?: string;
  /** A local policy id layered over it. */
  readonly localPolicyId?: string;
}

/** The statutory and local policies named (or in force), or `validation-failed` naming the field. */
export function choosePolicies(
  choice: PolicyChoice,
  assessedOn: string,
): { policy: StatutoryPolicy; localPolicy?: LocalPolicy } {
  const issues: DomainIssue[] = [];
  let policy: StatutoryPolicy | undefined;
  if (choice.policyId) {
    policy = findStatutoryPolicy(choice.policyId);
    if (!policy) issues.push({ path: "policyId", message: `no policy "${choice.policyId}"` });
  } else {
    try {
      policy = getStatutoryPolicyInForce(assessedOn);
    } catch (error) {
      issues.push({ path: "assessedOn", message: (error as Error).message });
    }
  }
  const localPolicy = choice.localPolicyId ? findLocalPolicy(choice.localPolicyId) : undefined;
  if (choice.localPolicyId && !localPolicy)
    issues.push({ path: "localPolicyId", message: `no local policy "${choice.localPolicyId}"` });
  if (localPolicy && !isInForce(localPolicy, assessedOn))
    issues.push({
      path: "localPolicyId",
      message: `${localPolicy.id} is not in force on ${assessedOn}`,
    });
  if (issues.length > 0 || !policy)
    throw new AppError("validation-failed", "The policy choice is not valid.", issues);
  return localPolicy ? { policy, localPolicy } : { policy };
}

/** Today's date in England, "YYYY-MM-DD". */
export function londonDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}
