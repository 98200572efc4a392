import type { Repositories } from "@tt/app";
import { FINANCIAL_YEAR_END, FINANCIAL_YEAR_START } from "./calendar";
import type { DemoGrant } from "./contracts";
import type { DemoOrganisationKey } from "./scenario-types";

/** What one demo organisation's stored rows are called, by their demo keys and references. */
export interface StoredDemoIds {
  readonly organisationId: string;
  readonly funders: ReadonlyMap<string, string>;
  readonly operators: ReadonlyMap<string, string>;
  readonly vehicles: ReadonlyMap<string, string>;
}

function need<K, V>(map: ReadonlyMap<K, V> | undefined, key: K, what: string): V {
  const value = map?.get(key);
  if (value === undefined) throw new Error(`demo grants: no ${what} "${String(key)}" was stored`);
  return value;
}

/**
 * Stores the demo's contracts as availability grants: each operator's vehicles to the council or
 * the ICB that contracts them, every day at the vehicles' own hours and rates, for the financial
 * year. Answers how many grants were stored.
 */
export async function seedGrants(
  repos: Repositories,
  grants: readonly DemoGrant[],
  stored: ReadonlyMap<DemoOrganisationKey, StoredDemoIds>,
): Promise<number> {
  for (const grant of grants) {
    const operator = need(stored, grant.operator, "organisation");
    const grantee = need(stored, grant.grantee, "organisation");
    await repos.grants.create(operator.organisationId, {
      granteeId: grantee.organisationId,
      vehicleIds: grant.references.map((r) => need(operator.vehicles, r, "vehicle")),
      weekdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
      startTime: "00:00",
      endTime: "23:59",
      validFrom: FINANCIAL_YEAR_START,
      validTo: FINANCIAL_YEAR_END,
      granteeOperatorId: need(grantee.operators, grant.operatorKey, "operator record"),
      funderIds: grant.funderKeys.map((k) => need(grantee.funders, k, "funder")),
    });
  }
  return grants.length;
}
