import type { StoredEntitlementDecision } from "@tt/app";
import type { StoredEntitlementDecisionView } from "@tt/contract";
import type { ReadonlyView } from "./readonly-view";
import type { SameShape } from "./same-shape";

/** The contract's stored decision and the app's describe the same data. */
const _stored: SameShape<
  StoredEntitlementDecision,
  ReadonlyView<StoredEntitlementDecisionView>
> = true;
export const entitlementShapeChecks = [_stored];

/** A stored entitlement decision as the API returns it: every field, arrays copied. */
export function presentEntitlementDecision(
  stored: StoredEntitlementDecision,
): StoredEntitlementDecisionView {
  const { decision } = stored;
  return {
    ...stored,
    decision: {
      ...decision,
      reasons: decision.reasons.map((reason) => ({ ...reason, inputs: { ...reason.inputs } })),
      alternatives: decision.alternatives.map((alternative) => ({ ...alternative })),
      signposts: [...decision.signposts],
      policy: { ...decision.policy },
    },
  };
}
