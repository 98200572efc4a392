import {
  type AvailabilityGrant,
  type AvailabilityGrantInput,
  addDays,
  type Contract,
  grantWindowsOverlap,
  lastContractDay,
  WEEKDAYS,
} from "@tt/domain";
import type { UnitOfWorkOf } from "../ports";
import { AppError } from "../shared";

/** What bringing a contract's vehicles into the buyer's plans reads and writes. */
export type ContractGrantRepositories = UnitOfWorkOf<"grants" | "vehicles">["repositories"];

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
  // Which organisation, and when, is that organisation's and the operator's business.
  const busy = new Set(clashes.flatMap((g) => g.vehicleIds.filter((v) => needed.includes(v))));
  const issues = [...busy].map((id) => ({
    path: "vehicleIds",
    message: `${vehicles.get(id) ?? id} works for another organisation in the contract's term`,
  }));
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

/** A stored grant as the input it was made from. */
function inputOf(grant: AvailabilityGrant): AvailabilityGrantInput {
  const {
    id: _id,
    organisationId: _grantor,
    withdrawn: _withdrawn,
    createdAt: _created,
    updatedAt: _updated,
    ...input
  } = grant;
  return input;
}

/**
 * An operator's hand-back takes the contract's vehicles out of the buyer's work from `endedOn`:
 * every grant of them to the buyer still running then is withdrawn, and made again without them
 * (for its other vehicles) and for them only up to the day before.
 */
export async function endGrantsOnHandBack(
  repos: {
    readonly grants: Pick<
      ContractGrantRepositories["grants"],
      "listNaming" | "withdraw" | "create"
    >;
  },
  contract: Contract,
  endedOn: string,
): Promise<void> {
  const handed = new Set(contract.vehicleIds);
  const running = (await repos.grants.listNaming(contract.vehicleIds)).filter(
    (g) => g.granteeId === contract.buyerId && g.organisationId === contract.operatorId,
  );
  const last = addDays(endedOn, -1);
  for (const grant of running.filter((g) => g.validTo >= endedOn)) {
    await repos.grants.withdraw(contract.operatorId, grant.id);
    const input = inputOf(grant);
    const rest = grant.vehicleIds.filter((id) => !handed.has(id));
    const back = grant.vehicleIds.filter((id) => handed.has(id));
    if (rest.length > 0)
      await repos.grants.create(contract.operatorId, { ...input, vehicleIds: rest });
    if (last >= grant.validFrom) {
      await repos.grants.create(contract.operatorId, { ...input, vehicleIds: back, validTo: last });
    }
  }
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
