import { isIsoDate } from "../shared/time-of-day";
import type { Agreement, AgreementStatus } from "./agreement";
import { needsArticle9 } from "./lawful-basis";
import type { DataItem, SharingPurpose } from "./purposes";

/** One organisation's wish to reach another's data, on a date. */
export interface SharingAccess {
  readonly provider: string;
  readonly recipient: string;
  readonly purpose: SharingPurpose;
  readonly dataItem: DataItem;
  /** "YYYY-MM-DD". */
  readonly on: string;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

export interface AgreementWarning {
  readonly kind: "review-due" | "review-overdue" | "ending" | "ended-by-date";
  readonly date: string;
  readonly message: string;
}

/** How many days ahead a coming review or end is warned of. */
export const AGREEMENT_WARNING_DAYS = 30;

/**
 * The parties that have not approved, providers first, each in listed order. Every party must
 * approve before the agreement is active, and only an organisation's own approval counts for it:
 * a party cannot grant itself access to another's data.
 */
export function missingApprovals(
  agreement: Pick<Agreement, "providers" | "recipients" | "approvals">,
): string[] {
  const approved = new Set(agreement.approvals.map((approval) => approval.organisationId));
  return [...agreement.providers, ...agreement.recipients].filter((id) => !approved.has(id));
}

const ALLOWED: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ["active", "ended"],
  active: ["suspended", "ended"],
  suspended: ["active", "ended"],
  ended: [],
};

/** Whether the agreement may move to `to`; if not, a sentence saying why. */
export function checkTransition(
  agreement: Pick<
    Agreement,
    "status" | "providers" | "recipients" | "approvals" | "dataItems" | "caldicottApproval"
  >,
  to: AgreementStatus,
): TransitionCheck {
  const from = agreement.status;
  if (from === to) return refuse(`The agreement is already ${from}.`);
  if (from === "ended") return refuse("An ended agreement is final: make a new agreement instead.");
  if (!ALLOWED[from].includes(to)) {
    return refuse(`A ${from} agreement cannot become ${to}.`);
  }
  if (to !== "active") return { ok: true };
  const reasons: string[] = [];
  const missing = missingApprovals(agreement);
  if (missing.length > 0) {
    reasons.push(
      `The agreement cannot become active until these organisations approve it: ${missing.join(", ")}.`,
    );
  }
  if (needsArticle9(agreement.dataItems) && !agreement.caldicottApproval) {
    reasons.push("It shares health detail, which needs the Caldicott guardian's approval first.");
  }
  return reasons.length > 0 ? refuse(reasons.join(" ")) : { ok: true };
}

function refuse(reason: string): TransitionCheck {
  return { ok: false, reason };
}

type Coverage = Pick<
  Agreement,
  "status" | "startDate" | "endDate" | "providers" | "recipients" | "purposes" | "dataItems"
>;

/** True when the agreement is active on the date and lets the recipient reach the item. */
export function agreementCovers(agreement: Coverage, access: SharingAccess): boolean {
  return allowsParties(agreement, access) && agreement.dataItems.includes(access.dataItem);
}

/** Every data item the active agreements let the recipient reach, for the purpose, on the date. */
export function coveredItems(
  agreements: readonly Coverage[],
  access: Omit<SharingAccess, "dataItem">,
): Set<DataItem> {
  const items = new Set<DataItem>();
  for (const agreement of agreements) {
    if (!allowsParties(agreement, access)) continue;
    for (const item of agreement.dataItems) items.add(item);
  }
  return items;
}

/** The covering agreement with the lowest reference (then id), or undefined. */
export function findCoveringAgreement<T extends Coverage & Pick<Agreement, "reference" | "id">>(
  agreements: readonly T[],
  access: SharingAccess,
): T | undefined {
  const covering = agreements.filter((agreement) => agreementCovers(agreement, access));
  return covering.sort(byReference)[0];
}

function byReference(
  a: Pick<Agreement, "reference" | "id">,
  b: Pick<Agreement, "reference" | "id">,
) {
  return compare(a.reference, b.reference) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function allowsParties(agreement: Coverage, access: Omit<SharingAccess, "dataItem">): boolean {
  return (
    agreement.status === "active" &&
    agreement.startDate <= access.on &&
    access.on <= agreement.endDate &&
    agreement.providers.includes(access.provider) &&
    agreement.recipients.includes(access.recipient) &&
    agreement.purposes.includes(access.purpose)
  );
}

/**
 * What needs attention on `today` ("YYYY-MM-DD"): a review within `AGREEMENT_WARNING_DAYS` or
 * past, an end within `AGREEMENT_WARNING_DAYS`, or an end date passed while the agreement is still
 * active or suspended. Once the end date has passed only that is said; an ended agreement has none.
 */
export function agreementWarnings(
  agreement: Pick<Agreement, "reference" | "status" | "reviewDate" | "endDate">,
  today: string,
): AgreementWarning[] {
  if (!isIsoDate(today)) throw new RangeError(`expected today as "YYYY-MM-DD", got "${today}"`);
  const { reference, status, reviewDate, endDate } = agreement;
  if (status === "ended") return [];
  const name = `Agreement ${reference}`;
  if (endDate < today) {
    if (status === "draft") return [];
    const message = `${name} passed its end date on ${endDate} but is still ${status}: end it, or agree a new one.`;
    return [{ kind: "ended-by-date", date: endDate, message }];
  }
  const warnings: AgreementWarning[] = [];
  const toReview = daysBetween(today, reviewDate);
  if (toReview < 0) {
    const message = `${name} was due for review on ${reviewDate}, ${-toReview} ${days(-toReview)} ago.`;
    warnings.push({ kind: "review-overdue", date: reviewDate, message });
  } else if (toReview <= AGREEMENT_WARNING_DAYS) {
    const message = `${name} is due for review on ${reviewDate}, ${fromToday(toReview)}.`;
    warnings.push({ kind: "review-due", date: reviewDate, message });
  }
  const toEnd = daysBetween(today, endDate);
  if (toEnd <= AGREEMENT_WARNING_DAYS) {
    const message = `${name} ends on ${endDate}, ${fromToday(toEnd)}: renew it or let it end.`;
    warnings.push({ kind: "ending", date: endDate, message });
  }
  return warnings;
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function days(count: number): string {
  return count === 1 ? "day" : "days";
}

function fromToday(count: number): string {
  return count === 0 ? "today" : `in ${count} ${days(count)}`;
}
