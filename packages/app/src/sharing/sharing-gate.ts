import {
  type Agreement,
  agreementCovers,
  DATA_ITEMS,
  type DataItem,
  type SharingPurpose,
} from "@tt/domain";
import type { Clock, UnitOfWorkOf } from "../ports";
import { type Actor, AppError } from "../shared";

/** The agreement an access goes through, and the data items it reaches. */
export interface SharedAccess {
  readonly agreement: Agreement;
  readonly provider: string;
  readonly purpose: SharingPurpose;
  readonly items: ReadonlySet<DataItem>;
}

export type SharingGateRepositories = UnitOfWorkOf<"sharing">["repositories"];

/** Not found, as for any organisation the actor has no agreement with: nothing is revealed. */
export function noPartner(provider: string): AppError {
  return new AppError(
    "not-found",
    `No organisation ${provider} shares data with yours for this purpose under an active agreement.`,
  );
}

/**
 * The active agreement through which the actor's organisation reaches `provider`'s data for
 * `purpose` today, with the data items it covers; not found when there is none. Checked on every
 * access (and at each step of a job), so suspending or ending an agreement removes access at once.
 */
export async function requireAgreement(
  repos: SharingGateRepositories,
  clock: Clock,
  actor: Pick<Actor, "organisationId">,
  provider: string,
  purpose: SharingPurpose,
): Promise<SharedAccess> {
  if (provider === actor.organisationId) throw noPartner(provider);
  const recipient = actor.organisationId;
  const on = clock.now().toISOString().slice(0, 10);
  const active = await repos.sharing.listActiveBetween(provider, recipient);
  const access = { provider, recipient, purpose, on };
  // The first agreement, by reference, that covers the purpose for any data item.
  const agreement = active.find((a) =>
    DATA_ITEMS.some((dataItem) => agreementCovers(a, { ...access, dataItem })),
  );
  if (!agreement) throw noPartner(provider);
  const items = new Set(
    DATA_ITEMS.filter((dataItem) => agreementCovers(agreement, { ...access, dataItem })),
  );
  return { agreement, provider, purpose, items };
}

/** The agreement's pseudonym key (every agreement gets one when it is drafted). */
export async function pseudonymKeyOf(
  repos: SharingGateRepositories,
  access: Pick<SharedAccess, "agreement">,
): Promise<string> {
  const key = await repos.sharing.findPseudonymKey(access.agreement.id);
  if (!key) throw new Error(`agreement ${access.agreement.id} has no pseudonym key`);
  return key;
}
