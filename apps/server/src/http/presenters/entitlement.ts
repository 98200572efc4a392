import type { StoredEntitlementDecision } from "@tt/app";
import type { StoredEntitlementDecisionView } from "@tt/contract";
import type { SameShape } from "./same-shape";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type DecisionView = StoredEntitlementDecisionView["decision"];

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

type DecisionOf = StoredEntitlementDecision["decision"];
type AppDecision = Omit<Mutable<DecisionOf>, "reasons" | "alternatives" | "signposts"> & {
  reasons: Mutable<DecisionOf["reasons"][number]>[];
  alternatives: Mutable<DecisionOf["alternatives"][number]>[];
  signposts: string[];
};

// Fails to compile when the stored decision and its contract schema drift apart.
const _decision: SameShape<AppDecision, DecisionView> = true;
const _stored: SameShape<
  Omit<StoredEntitlementDecision, "decision">,
  Omit<StoredEntitlementDecisionView, "decision">
> = true;
export const entitlementShapeChecks = [_decision, _stored];
