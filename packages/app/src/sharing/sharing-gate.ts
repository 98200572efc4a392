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
  /** Data items the access needs: an agreement covering them all is preferred to one that does not. */
  needs: readonly DataItem[] = [],
): Promise<SharedAccess> {
  if (provider === actor.organisationId) throw noPartner(provider);
  const recipient = actor.organisationId;
  const on = clock.now().toISOString().slice(0, 10);
  const active = await repos.sharing.listActiveBetween(provider, recipient);
  const access = { provider, recipient, purpose, on };
  // The first agreement, by reference, that covers the purpose for every item needed; else the
  // first that covers it for any item (the caller says what that one lacks).
  const covers = (a: Agreement, dataItem: DataItem) => agreementCovers(a, { ...access, dataItem });
  const agreement =
    active.find((a) => needs.length > 0 && needs.every((item) => covers(a, item))) ??
    active.find((a) => DATA_ITEMS.some((item) => covers(a, item)));
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
