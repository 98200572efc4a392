import {
  type AgreementViewBody,
  ARTICLE_6_LABELS,
  ARTICLE_9_LABELS,
  DATA_ITEM_DESCRIPTIONS,
} from "@tt/contract";

type Agreement = AgreementViewBody["agreement"];
export type AgreementStatus = Agreement["status"];
export type DataItem = Agreement["dataItems"][number];

const ITEM_NAMES: Record<DataItem, string> = {
  identity: "identity",
  contact: "contact details",
  "home-location": "home locations",
  "travel-needs": "travel needs",
  "health-detail": "health detail",
  trips: "trips",
};

const STATUS_TAGS: Record<AgreementStatus, { text: string; colour: string }> = {
  draft: { text: "Draft", colour: "grey" },
  active: { text: "Active", colour: "green" },
  suspended: { text: "Suspended", colour: "orange" },
  ended: { text: "Ended", colour: "red" },
};

/** The GOV.UK tag of a status: its word and colour class. */
export function statusTag(status: AgreementStatus): { text: string; className: string } {
  const tag = STATUS_TAGS[status];
  return { text: tag.text, className: `govuk-tag govuk-tag--${tag.colour}` };
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listInWords(words: readonly string[], conjunction = "and"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words.at(-1)}`;
}

/** "1 September 2026" for "2026-09-01". */
export function longDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const style = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;
  return date.toLocaleDateString("en-GB", style);
}

export const purposeName = (purpose: string) => purpose.replaceAll("-", " ");
export const itemName = (item: DataItem) => ITEM_NAMES[item];
export const itemDescription = (item: DataItem) => DATA_ITEM_DESCRIPTIONS[item];

function labelOf(labels: Readonly<Record<string, string>>, key: string): string {
  return new Map(Object.entries(labels)).get(key) ?? key;
}

/** The lawful basis as the UK GDPR articles are cited, e.g. "Art. 6(1)(e) public task". */
export function lawfulBasisInWords(basis: Agreement["lawfulBasis"]): string {
  const article6 = labelOf(ARTICLE_6_LABELS, basis.article6);
  return basis.article9 ? `${article6}; ${labelOf(ARTICLE_9_LABELS, basis.article9)}` : article6;
}

/** An organisation's name from the view's parties, or its id when it is not among them. */
export function partyName(view: AgreementViewBody, id: string): string {
  return view.parties.find((p) => p.id === id)?.name ?? id;
}

const names = (view: AgreementViewBody, ids: readonly string[]) =>
  listInWords(ids.map((id) => partyName(view, id)));

/** Whether it shares anything today, and what stands in the way when it does not. */
function statusSentence(view: AgreementViewBody): string {
  const { status } = view.agreement;
  if (status === "ended") return "It has ended: nothing is shared under it.";
  if (status === "suspended")
    return "It is suspended: nothing is shared until every party approves it again and it is activated.";
  if (status === "draft") {
    if (view.missingApprovals.length === 0)
      return "It is a draft that every party has approved: nothing is shared until an administrator activates it.";
    return `It is a draft: nothing is shared until ${names(view, view.missingApprovals)} ${view.missingApprovals.length === 1 ? "approves" : "approve"} it and it is activated.`;
  }
  return "It is active: access is checked against it on every read, and every read is recorded in the provider's audit log.";
}

/** What the agreement permits, in plain words a passenger or a Caldicott guardian would read. */
export function permitsInWords(view: AgreementViewBody): string[] {
  const a = view.agreement;
  const share = `${names(view, a.providers)} ${a.providers.length === 1 ? "shares" : "share"} ${listInWords(a.dataItems.map(itemName))} of ${a.providers.length === 1 ? "its" : "their"} passengers with ${names(view, a.recipients)} for ${listInWords(a.purposes.map(purposeName))}, from ${longDate(a.startDate)} until ${longDate(a.endDate)}.`;
  const sentences = [a.status === "active" ? share : `When active, ${share}`];
  const absent = (["identity", "contact", "health-detail"] as const).filter(
    (item) => !a.dataItems.includes(item),
  );
  if (absent.length > 0) sentences.push(`Not shared: ${listInWords(absent.map(itemName))}.`);
  if (a.purposes.includes("analysis"))
    sentences.push(
      "For analysis, passengers are pseudonymised (no names or references) and homes are rounded to the centre of their 500 m square.",
    );
  sentences.push(statusSentence(view));
  return sentences;
}
