import { isInForce, type LocalPolicy, type StatutoryPolicy } from "../policy";
import { ENGLAND_2026 } from "./england-2026";
import { EXAMPLE_LOCAL_2026 } from "./example-local";

export { ENGLAND_2026 } from "./england-2026";
export { EXAMPLE_LOCAL_2026 } from "./example-local";

/** Every statutory policy version the engine knows, oldest first. */
export const STATUTORY_POLICIES: readonly StatutoryPolicy[] = [ENGLAND_2026];

/** Local policies shipped as examples; organisations add their own. */
export const LOCAL_POLICIES: readonly LocalPolicy[] = [EXAMPLE_LOCAL_2026];

export function findStatutoryPolicy(id: string): StatutoryPolicy | undefined {
  return STATUTORY_POLICIES.find((policy) => policy.id === id);
}

export function findLocalPolicy(id: string): LocalPolicy | undefined {
  return LOCAL_POLICIES.find((policy) => policy.id === id);
}

/** The newest statutory policy in force on `date`; throws when none is. */
export function getStatutoryPolicyInForce(date: string): StatutoryPolicy {
  const inForce = STATUTORY_POLICIES.filter((policy) => isInForce(policy, date));
  const policy = inForce[inForce.length - 1];
  if (!policy) throw new Error(`no statutory entitlement policy is in force on ${date}`);
  return policy;
}
