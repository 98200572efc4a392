import {
  ApiError,
  type ContractAlignmentView,
  type ContractBody,
  type ContractPresented,
} from "@tt/contract";
import type { Problem } from "../api";
import type { Choice } from "../components/select-field";
import { isRealDate } from "../routes/search-params";
import { longDate } from "../sharing/agreement-words";

type Basis = ContractPresented["price"]["basis"];
type Status = ContractPresented["status"];
export type AlignmentStep = ContractAlignmentView["groups"][number]["steps"][number];

/**
 * Pence a mile a `mileage-rate` contract without a price pays: the API's `MILEAGE_RATE_DEFAULT`,
 * HMRC's approved mileage allowance (cars and vans, first 10,000 miles).
 */
export const MILEAGE_RATE_DEFAULT_PENCE = 45;

/** How near its end a contract is flagged ("ends in 12 days"). */
export const ENDING_SOON_DAYS = 90;

const BASES: Record<Basis, { unit: string; choice: string }> = {
  "per-day": { unit: "a day", choice: "A day (a vehicle's day of work)" },
  "per-mile": { unit: "a mile", choice: "A mile driven" },
  "per-trip": { unit: "a trip", choice: "A trip carried" },
  "mileage-rate": {
    unit: "a mile",
    choice: `Mileage at a rate (community transport; ${MILEAGE_RATE_DEFAULT_PENCE}p, the HMRC rate, when no price is given)`,
  },
};
const isBasis = (text: string): text is Basis => Object.hasOwn(BASES, text);

/** The price bases to choose from. */
export const BASIS_CHOICES: readonly Choice[] = Object.entries(BASES).map(([value, b]) => ({
  value,
  text: b.choice,
}));

/** "£1,250.00" for 125000 pence. */
export function poundsOf(pence: number): string {
  return (pence / 100).toLocaleString("en-GB", { style: "currency", currency: "GBP" });
}

/** "£185.00 a day", "£1.61 a mile", "£7.00 a trip", "45p a mile (HMRC rate)". */
export function priceInWords(price: ContractPresented["price"]): string {
  const { unit } = BASES[price.basis];
  if (price.pence === undefined) {
    return price.basis === "mileage-rate"
      ? `${MILEAGE_RATE_DEFAULT_PENCE}p ${unit} (HMRC rate)`
      : `no price ${unit}`;
  }
  const rate = price.basis === "mileage-rate" ? " (mileage rate)" : "";
  return `${poundsOf(price.pence)} ${unit}${rate}`;
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/** "ends in 12 days" (or "ends today") for a contract running out within 90 days; else undefined. */
export function endingSoon(
  contract: Pick<ContractPresented, "endsOn" | "status">,
  today: string,
): string | undefined {
  if (contract.status !== "active" && contract.status !== "draft") return undefined;
  const left = daysBetween(today, contract.endsOn);
  if (left < 0 || left > ENDING_SOON_DAYS) return undefined;
  return left === 0 ? "ends today" : `ends in ${days(left)}`;
}

const STATUS_TAGS: Record<Status, { text: string; colour: string }> = {
  draft: { text: "Draft", colour: "grey" },
  active: { text: "Active", colour: "green" },
  terminated: { text: "Terminated", colour: "red" },
  "handed-back": { text: "Handed back", colour: "orange" },
};

/** The GOV.UK tag of a contract's status: its words and colour class. */
export function contractStatusTag(status: Status): { text: string; className: string } {
  const tag = STATUS_TAGS[status];
  return { text: tag.text, className: `govuk-tag govuk-tag--${tag.colour}` };
}

/** "from 1 April 2027: the route is no longer needed", for a contract ended early. */
export function endedInWords(contract: Pick<ContractPresented, "endedOn" | "reason">): string {
  if (!contract.endedOn) return "";
  const why = contract.reason ? `: ${contract.reason}` : "";
  return `from ${longDate(contract.endedOn)}${why}`;
}

/** The break dates the buyer can still end the contract at: not past, not after its end. */
export function breakDatesLeft(
  contract: Pick<ContractPresented, "breakDates" | "endsOn">,
  today: string,
): string[] {
  return contract.breakDates.filter((d) => d >= today && d <= contract.endsOn).sort();
}

/** "End together on 31 August 2027". */
/**
 * What a hand-back did to the buyer's operating plans, as the operator is told it: how many trips
 * went to other runs and how many none could take ("" when no plan carried its vehicles).
 */
export function replannedWords(
  days: readonly { tripsMoved: number; tripsUnplaced: number }[],
): string {
  if (days.length === 0) return "";
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const moved = days.reduce((sum, d) => sum + d.tripsMoved, 0);
  const unplaced = days.reduce((sum, d) => sum + d.tripsUnplaced, 0);
  const left = unplaced > 0 ? `, ${count(unplaced, "trip")} left without a place` : "";
  return ` The buyer's plans of ${count(days.length, "day")} were re-planned: ${count(moved, "trip")} moved to other runs${left}.`;
}

export const alignmentHeading = (alignTo: string) => `End together on ${longDate(alignTo)}`;

/** "runs to it", "extend by 39 days", "end at its break date, last day 31 March 2027". */
export function proposalInWords(step: AlignmentStep): string {
  if (step.proposal === "as-is") return "runs to it";
  if (step.proposal === "extend") return `extend by ${days(step.days)}`;
  return `end at its break date, last day ${longDate(step.lastDay)}`;
}

/** The form's field ids, by the API's field names (for error summaries' links). */
export const CONTRACT_FIELD_IDS = {
  operatorId: "contract-operator",
  reference: "contract-reference",
  title: "contract-title",
  "price.basis": "contract-basis",
  price: "contract-price",
  runs: "contract-runs",
  startsOn: "contract-starts",
  endsOn: "contract-ends",
  breakDates: "contract-break-dates",
  funderIds: "contract-funders",
} as const;
export type ContractField = keyof typeof CONTRACT_FIELD_IDS;

/** The ending forms' field ids: a break date chosen by the buyer, a day given by the operator. */
export const ENDING_FIELD_IDS = { endedOn: "ending-date", reason: "ending-reason" } as const;
export const HAND_BACK_FIELD_IDS = {
  endedOn: "hand-back-date",
  reason: "hand-back-reason",
} as const;

/**
 * The field id of each path the API's error names, by the field it names or lies within
 * ("runs.2" is the runs field, "price.pence" the price): for `problemsOf`.
 */
export function fieldIdsFor(
  error: unknown,
  ids: Readonly<Record<string, string>>,
): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  for (const { path } of error.details) {
    const parts = path.split(".");
    for (let n = parts.length; n > 0; n -= 1) {
      const id = ids[parts.slice(0, n).join(".")];
      if (id) {
        found[path] = id;
        break;
      }
    }
  }
  return found;
}

/**
 * The problems to show, each linked to its field; a refusal that names no field (409: the
 * reference is taken, not a break date, a day past) is linked to `conflictId`, the field to change.
 */
export function linkConflict(
  error: unknown,
  problems: readonly Problem[],
  conflictId: string,
): Problem[] {
  const conflict = error instanceof ApiError && error.status === 409;
  return problems.map((p) => (conflict && !p.href ? { ...p, href: `#${conflictId}` } : p));
}

/** "2027-04-01" from "2027-04-01", "1/4/2027", "1-4-2027", "1.4.2027" or "1 4 2027"; else "". */
export function readDay(text: string): string {
  const iso = text.trim();
  if (isRealDate(iso)) return iso;
  const parts = /^(\d{1,2})[/.\- ]+(\d{1,2})[/.\- ]+(\d{4})$/.exec(iso);
  if (!parts) return "";
  const [, day = "", month = "", year = ""] = parts;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isRealDate(date) ? date : "";
}

/** Whole pence from pounds typed ("185", "£1.61", "1,250.50"); undefined when not a price. */
export function penceOf(pounds: string): number | undefined {
  const text = pounds.trim().replace(/^£/, "").replaceAll(",", "").trim();
  const parts = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!parts) return undefined;
  const [, whole = "", fraction = ""] = parts;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

const listed = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** What the buyer types in the contract form (dates as "YYYY-MM-DD" or "" from date inputs). */
export interface ContractFields {
  readonly operatorId: string;
  readonly reference: string;
  readonly title: string;
  readonly basis: string;
  readonly price: string;
  readonly runs: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly breakDates: string;
  readonly funderIds: readonly string[];
}

/**
 * The form's answers as the API's body, or the problems to fix first (the API checks them again,
 * and the dates' order, the operator, funders and repeats). The form names no vehicles.
 */
export function readContract(
  fields: ContractFields,
): { ok: true; body: ContractBody } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const need = (key: ContractField, text: string) =>
    problems.push({ text, href: `#${CONTRACT_FIELD_IDS[key]}` });
  if (!fields.operatorId) need("operatorId", "Choose the operator");
  if (!fields.reference.trim()) need("reference", "Enter the contract's reference");
  if (!fields.title.trim()) need("title", "Say what the contract is for");
  const basis = fields.basis;
  if (!isBasis(basis)) need("price.basis", "Choose how the contract is priced");
  const pence = penceOf(fields.price);
  if (fields.price.trim() === "") {
    if (isBasis(basis) && basis !== "mileage-rate") need("price", "Enter the price in pounds");
  } else if (pence === undefined || pence <= 0) {
    need("price", "Enter the price in pounds and pence, like 185 or 1.61");
  }
  if (!isRealDate(fields.startsOn)) need("startsOn", "Enter a real start date, like 1 9 2026");
  if (!isRealDate(fields.endsOn)) need("endsOn", "Enter a real end date, like 31 8 2027");
  const breaks = listed(fields.breakDates);
  const breakDates = breaks.map(readDay);
  const bad = breaks.filter((_, i) => breakDates[i] === "");
  if (bad.length > 0)
    need("breakDates", `Enter each break date like 1/4/2027, separated by commas (not ${bad[0]})`);
  if (!isBasis(basis) || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      operatorId: fields.operatorId,
      reference: fields.reference.trim(),
      title: fields.title.trim(),
      funderIds: [...fields.funderIds],
      price: pence === undefined ? { basis } : { basis, pence },
      vehicleIds: [],
      runs: listed(fields.runs),
      startsOn: fields.startsOn,
      endsOn: fields.endsOn,
      breakDates,
    },
  };
}

/** The ending form's answers ({ endedOn, reason }), or the problems to fix first. */
export function readEnding(
  fields: { endedOn: string; reason: string },
  ids: { readonly endedOn: string; readonly reason: string },
  dateText: string,
): { ok: true; body: { endedOn: string; reason: string } } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!isRealDate(fields.endedOn)) problems.push({ text: dateText, href: `#${ids.endedOn}` });
  if (!fields.reason.trim()) problems.push({ text: "Say why", href: `#${ids.reason}` });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, body: { endedOn: fields.endedOn, reason: fields.reason.trim() } };
}
