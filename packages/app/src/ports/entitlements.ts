import type { EntitlementDecision, Regime } from "@tt/domain";
import type { Page } from "./repositories";

/** A decision as stored: the full explanation plus the columns it is found by. */
export interface StoredEntitlementDecision {
  readonly id: string;
  readonly organisationId: string;
  readonly passengerId: string | null;
  readonly regime: Regime;
  readonly category: string;
  readonly eligible: boolean;
  /** e.g. `england-statutory@2026.1+example-council@2026.1`. */
  readonly policyVersion: string;
  readonly assessedOn: string;
  readonly reviewDate: string;
  readonly appealDeadline: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly decision: EntitlementDecision;
}

export interface NewEntitlementDecision {
  readonly passengerId: string | null;
  readonly createdBy: string | null;
  readonly decision: EntitlementDecision;
}

export interface EntitlementQuery {
  readonly offset: number;
  readonly limit: number;
  readonly passengerId?: string;
}

/** Entitlement decisions of an organisation; decisions are never changed, only superseded. */
export interface EntitlementStore {
  create(organisationId: string, input: NewEntitlementDecision): Promise<StoredEntitlementDecision>;
  find(organisationId: string, id: string): Promise<StoredEntitlementDecision | undefined>;
  /** Newest first. */
  list(organisationId: string, query: EntitlementQuery): Promise<Page<StoredEntitlementDecision>>;
}

/** The policy version string stored with a decision. */
export function policyVersionOf(decision: EntitlementDecision): string {
  const { id, version, localId, localVersion } = decision.policy;
  return localId ? `${id}@${version}+${localId}@${localVersion}` : `${id}@${version}`;
}
