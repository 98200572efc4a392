import {
  type AvailabilityGrant,
  type AvailabilityGrantInput,
  type Contract,
  grantWindowsOverlap,
  lastContractDay,
  WEEKDAYS,
} from "@tt/domain";
import type { UnitOfWorkOf } from "../ports";
import { AppError } from "../shared";

/** What bringing a contract's vehicles into the buyer's plans reads and writes. */
export type ContractGrantRepositories = UnitOfWorkOf<
  "grants" | "vehicles" | "identity"
>["repositories"];

/** Every day, the whole day: the vehicle's own hours of work still bound it. */
const CONTRACT_WINDOW = {
  weekdays: [...WEEKDAYS],
  startTime: "00:00",
  endTime: "23:59",
} as const satisfies Pick<AvailabilityGrantInput, "weekdays" | "startTime" | "endTime">;

/** The grant a signed contract makes of the vehicles it needs to bring to the buyer. */
function grantOf(contract: Contract, vehicleIds: readonly string[]): AvailabilityGrantInput {
  return {
    granteeId: contract.buyerId,
    vehicleIds: [...vehicleIds],
    ...CONTRACT_WINDOW,
    weekdays: [...CONTRACT_WINDOW.weekdays],
    validFrom: contract.startsOn,
    validTo: contract.endsOn,
    funderIds: [...contract.funderIds],
  };
}

/** A grant to the buyer already lets it plan with the vehicle over the whole term. */
const covers = (grant: AvailabilityGrant, contract: Contract) =>
  grant.granteeId === contract.buyerId &&
  grant.validFrom <= contract.startsOn &&
  contract.endsOn <= grant.validTo;

/**
 * Brings a signed contract's vehicles into the buyer's day fleet: the operator grants the buyer
 * those it does not already plan with, for the contract's term, every day (the vehicle's own hours
 * still bound it; the contract prices it). A vehicle granted to another organisation at the same
 * time is a conflict (409 naming it and the grantee): it cannot be in two organisations' runs at
 * once. A grant to the buyer that covers part of the term overlaps harmlessly (the day's fleet
 * takes each vehicle once).
 */
export async function grantContractVehicles(
  repos: ContractGrantRepositories,
  contract: Contract,
): Promise<AvailabilityGrant | undefined> {
  if (contract.vehicleIds.length === 0) return undefined;
  await repos.grants.lockGrantor(contract.operatorId);
  const wanted = grantOf(contract, contract.vehicleIds);
  const naming = await repos.grants.listNaming(contract.vehicleIds);
  const needed = contract.vehicleIds.filter(
    (id) => !naming.some((g) => g.vehicleIds.includes(id) && covers(g, contract)),
  );
  const clashes = naming.filter(
    (g) =>
      g.granteeId !== contract.buyerId &&
      g.vehicleIds.some((id) => needed.includes(id)) &&
      grantWindowsOverlap(g, wanted),
  );
  if (clashes.length > 0) throw await clashError(repos, contract, needed, clashes);
  if (needed.length === 0) return undefined;
  return repos.grants.create(contract.operatorId, grantOf(contract, needed));
}

async function clashError(
  repos: ContractGrantRepositories,
  contract: Contract,
  needed: readonly string[],
  clashes: readonly AvailabilityGrant[],
): Promise<AppError> {
  const vehicles = new Map(
    (await repos.vehicles.findByIds(contract.operatorId, needed)).map((v) => [v.id, v.reference]),
  );
  const issues = [];
  for (const grant of clashes) {
    const grantee = await repos.identity.findOrganisation(grant.granteeId);
    for (const id of grant.vehicleIds.filter((v) => needed.includes(v))) {
      issues.push({
        path: "vehicleIds",
        message: `${vehicles.get(id) ?? id} is granted to ${grantee?.name ?? "another organisation"} from ${grant.validFrom} to ${grant.validTo}`,
      });
    }
  }
  return new AppError(
    "conflict",
    "A vehicle of the contract already works for another organisation in its term.",
    issues,
  );
}

/** The grant a contract made at signing: to its buyer, for its term, of its vehicles only. */
const madeFor = (grant: AvailabilityGrant, contract: Contract) =>
  grant.granteeId === contract.buyerId &&
  grant.validFrom === contract.startsOn &&
  grant.validTo === contract.endsOn &&
  grant.vehicleIds.every((id) => contract.vehicleIds.includes(id));

/**
 * The contract's vehicles that leave the buyer's plans when it ends on `endedOn`: not those the
 * buyer keeps under another grant still running then.
 */
export async function vehiclesLeaving(
  repos: { readonly grants: Pick<ContractGrantRepositories["grants"], "listNaming"> },
  contract: Contract,
  endedOn: string,
): Promise<string[]> {
  const kept = new Set(
    (await repos.grants.listNaming(contract.vehicleIds))
      .filter((g) => g.granteeId === contract.buyerId && !madeFor(g, contract))
      .filter((g) => g.validTo >= endedOn)
      .flatMap((g) => g.vehicleIds),
  );
  return contract.vehicleIds.filter((id) => !kept.has(id));
}

/**
 * Ends what a contract brought to the buyer when it ends early (terminated or handed back): its
 * grants stop the day before `endedOn` (withdrawn, and granted again to that day when the
 * contract had already started).
 */
export async function endContractGrants(
  repos: ContractGrantRepositories,
  contract: Contract,
): Promise<void> {
  const made = (await repos.grants.listMade(contract.operatorId)).filter(
    (g) => !g.withdrawn && madeFor(g, contract),
  );
  const last = lastContractDay(contract);
  for (const grant of made) {
    await repos.grants.withdraw(contract.operatorId, grant.id);
    if (last >= grant.validFrom) {
      await repos.grants.create(contract.operatorId, {
        ...grantOf(contract, grant.vehicleIds),
        validTo: last,
      });
    }
  }
}
