import { assess } from "./assess";
import { ENGLAND_2026 } from "./policies";
import type { LocalPolicy } from "./policy";
import type { EntitlementDecision } from "./types";

/** The date the rule tests assess on: a Thursday in term, no bank holiday near. */
export const TEST_DATE = "2026-10-01";

/** Assesses `input` under the statutory policy (plus `localPolicy`) on `assessedOn`. */
export function decide(
  input: unknown,
  options: { assessedOn?: string; localPolicy?: LocalPolicy } = {},
): EntitlementDecision {
  return assess(input, {
    policy: ENGLAND_2026,
    assessedOn: options.assessedOn ?? TEST_DATE,
    ...(options.localPolicy ? { localPolicy: options.localPolicy } : {}),
  });
}

/** The rule that decided. */
export function decisiveRule(decision: EntitlementDecision): string {
  return decision.decidedBy;
}
