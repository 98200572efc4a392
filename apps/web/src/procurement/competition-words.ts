import {
  type BidBody,
  type CompetitionBody,
  type CompetitionPresented,
  DPS_CATEGORIES,
  type LotRule,
} from "@tt/contract";
import type { Problem } from "../api";
import type { Choice } from "../components/select-field";
import { isRealDate } from "../routes/search-params";
import { longDate } from "../sharing/agreement-words";
import { penceOf } from "./contract-words";

type Category = CompetitionPresented["categories"][number];

const RULES: Record<LotRule, string> = {
  school: "School (all the runs of one school)",
  "vehicle-type": "Vehicle type (runs needing the same kind of vehicle)",
  "time-band": "Whole days (runs joined into a vehicle's day)",
  area: "Area (a consortium's micro-franchise: runs within its area)",
};
export const isRule = (text: string): text is LotRule => Object.hasOwn(RULES, text);

/** The rules lots are packaged by, to choose from. */
export const RULE_CHOICES: readonly Choice[] = Object.entries(RULES).map(([value, text]) => ({
  value,
  text,
}));

/** "School", "Vehicle type", "Whole days": the rule's short name. */
export const ruleName = (rule: LotRule) => RULES[rule].replace(/ \(.*\)$/, "");

/**
 * True when an organisation of this kind buys transport and so may put lots out: not an operator
 * or community transport (the API's `DPS_SUPPLIER_KINDS`, which refuses them).
 */
export const buysTransport = (kind: string) => !["operator", "community-transport"].includes(kind);

/** A DPS category as the DPS page names it ("wheelchair accessible"). */
export const categoryName = (category: string) => category.replaceAll("-", " ");
const isCategory = (text: string): text is Category =>
  (DPS_CATEGORIES as readonly string[]).includes(text);

/** The DPS categories to invite, with the DPS page's labels. */
export const CATEGORY_CHOICES: readonly Choice[] = DPS_CATEGORIES.map((c) => ({
  value: c,
  text: categoryName(c),
}));

const two = (n: number) => String(n).padStart(2, "0");

/** "Day plan 2026-11-24 (published)": a plan to choose, its day named once. */
export function planLabel(plan: {
  readonly name: string;
  readonly serviceDate: string;
  readonly status: string;
}): string {
  const day = plan.name.includes(plan.serviceDate) ? "" : `, ${plan.serviceDate}`;
  return `${plan.name}${day} (${plan.status})`;
}

/** "07:45" for 465 minutes after midnight (a run's first or last stop). */
export function clockOf(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${two(Math.floor(m / 60))}:${two(m % 60)}`;
}

/** "14:30 on 1 April 2027": an instant in the browser's time zone. */
export function deadlineInWords(deadline: string): string {
  const at = new Date(deadline);
  if (Number.isNaN(at.getTime())) return deadline;
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  const seconds = at.getSeconds() > 0 ? `:${two(at.getSeconds())}` : "";
  return `${two(at.getHours())}:${two(at.getMinutes())}${seconds} on ${longDate(day)}`;
}

/**
 * Where the competition stands, by the server's `open` (the deadline has passed): to its buyer
 * the bids can then be opened; to a bidder it is closed.
 */
export function competitionStatus(
  competition: Pick<CompetitionPresented, "deadline" | "open">,
  side: "bought" | "invited" = "bought",
): { text: string; className: string } {
  if (competition.open) {
    return side === "bought"
      ? { text: "Closed: bids can be opened", className: "govuk-tag govuk-tag--green" }
      : { text: "Closed for bids", className: "govuk-tag govuk-tag--grey" };
  }
  return {
    text: `Open for bids until ${deadlineInWords(competition.deadline)}`,
    className: "govuk-tag govuk-tag--blue",
  };
}

/** What an operator is told under its bid. */
export const sealedNote = (deadline: string) =>
  `Sealed: the buyer can read it only after ${deadlineInWords(deadline)}.`;

/** "72.5", "40", "66.67": a score to at most two decimals. */
export function scoreOf(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** "12 seats, 2 wheelchair spaces (minibus, car)": what the lot's vehicle must carry. */
export function needsInWords(needs: {
  readonly seats: number;
  readonly wheelchairs: number;
  readonly vehicleKinds: readonly string[];
}): string {
  const seats = needs.seats === 1 ? "1 seat" : `${needs.seats} seats`;
  const chairs =
    needs.wheelchairs === 0
      ? ""
      : `, ${needs.wheelchairs} wheelchair space${needs.wheelchairs === 1 ? "" : "s"}`;
  const kinds = needs.vehicleKinds.length > 0 ? ` (${needs.vehicleKinds.join(", ")})` : "";
  return `${seats}${chairs}${kinds}`;
}

/** "MN12 ABC (minibus, 16 seats, 2 wheelchair spaces)": one of the operator's vehicles. */
export function vehicleLabel(vehicle: {
  readonly reference: string;
  readonly kind: string;
  readonly seats: number;
  readonly wheelchairSpaces: number;
}): string {
  const needs = needsInWords({
    seats: vehicle.seats,
    wheelchairs: vehicle.wheelchairSpaces,
    vehicleKinds: [],
  });
  return `${vehicle.reference} (${vehicle.kind}, ${needs})`;
}

/** "CM-D1 (driver, DBS check to 2027-06-30)": one of the operator's people to offer. */
export function personLabel(person: {
  readonly reference: string;
  readonly role: string;
  readonly dbsExpiry?: string | undefined;
}): string {
  const check = person.dbsExpiry ? `DBS check to ${person.dbsExpiry}` : "no DBS check recorded";
  return `${person.reference} (${person.role.replaceAll("-", " ")}, ${check})`;
}

/**
 * The instant "YYYY-MM-DD" at "HH:MM" (or "HH:MM:SS") in the browser's time zone, as ISO; ""
 * when not real.
 */
export function deadlineFrom(day: string, time: string): string {
  const parts = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(time.trim());
  if (!isRealDate(day) || !parts) return "";
  const [hours, minutes, seconds] = [Number(parts[1]), Number(parts[2]), Number(parts[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return "";
  const [year, month, date] = day.split("-").map(Number);
  const at = new Date(year ?? 0, (month ?? 1) - 1, date ?? 1, hours, minutes, seconds);
  return Number.isNaN(at.getTime()) ? "" : at.toISOString();
}

/** The put-out form's field ids, by the API's field names (for error summaries' links). */
export const COMPETITION_FIELD_IDS = {
  planId: "competition-plan",
  rule: "competition-rule",
  lots: "competition-lots",
  title: "competition-title",
  categories: "competition-categories",
  deadline: "competition-deadline",
  startsOn: "competition-starts",
  endsOn: "competition-ends",
  priceWeight: "competition-price-weight",
} as const;
type CompetitionField = keyof typeof COMPETITION_FIELD_IDS;

/** The time box of the deadline (its date boxes have the deadline's id). */
export const DEADLINE_TIME_ID = "competition-deadline-time";

/** What the buyer enters to put lots out (dates "YYYY-MM-DD" or "" from date inputs). */
export interface CompetitionFields {
  readonly planId: string;
  readonly rule: string;
  /** The lots chosen from the preview; undefined when not previewed (all the plan's lots). */
  readonly lots: readonly string[] | undefined;
  readonly title: string;
  readonly categories: readonly string[];
  readonly deadlineDay: string;
  readonly deadlineTime: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly priceWeight: string;
}

type Read<T> = { ok: true; body: T } | { ok: false; problems: Problem[] };

/**
 * The form's answers as the API's body, or the problems to fix first, each linked to its field
 * (the API checks them again, and that the deadline is to come and the lots are the plan's).
 */
export function readCompetition(
  fields: CompetitionFields,
  now = new Date(),
): Read<CompetitionBody> {
  const problems: Problem[] = [];
  const need = (key: CompetitionField, text: string, id: string = COMPETITION_FIELD_IDS[key]) =>
    problems.push({ text, href: `#${id}` });
  if (!fields.planId) need("planId", "Choose the plan whose runs to put out");
  const rule = fields.rule;
  if (!isRule(rule)) need("rule", "Choose how to package the runs into lots");
  if (fields.lots?.length === 0) need("lots", "Choose at least one lot to put out");
  const title = fields.title.trim();
  if (!title) need("title", "Say what is being bought");
  const categories = fields.categories.filter(isCategory);
  if (categories.length === 0) need("categories", "Choose at least one category to invite");
  const deadline = deadlineFrom(fields.deadlineDay, fields.deadlineTime);
  if (!isRealDate(fields.deadlineDay)) {
    need("deadline", "Enter a real date for the deadline, like 14 9 2026");
  } else if (!deadline) {
    need("deadline", "Enter the deadline's time as HH:MM, like 12:00", DEADLINE_TIME_ID);
  } else if (Date.parse(deadline) <= now.getTime()) {
    need("deadline", "The deadline must be to come");
  }
  if (!isRealDate(fields.startsOn)) need("startsOn", "Enter a real start date, like 1 9 2026");
  if (!isRealDate(fields.endsOn)) need("endsOn", "Enter a real end date, like 31 8 2027");
  else if (isRealDate(fields.startsOn) && fields.endsOn < fields.startsOn)
    need("endsOn", "The contract must not end before it starts");
  const weightText = fields.priceWeight.trim();
  const priceWeight = Number(weightText);
  if (!/^\d{1,3}$/.test(weightText) || priceWeight > 100)
    need("priceWeight", "Enter the weight of price as a whole number from 0 to 100");
  if (!isRule(rule) || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      planId: fields.planId,
      rule,
      ...(fields.lots ? { lots: [...fields.lots] } : {}),
      title,
      categories,
      deadline,
      startsOn: fields.startsOn,
      endsOn: fields.endsOn,
      priceWeight,
    },
  };
}

/** A bid form's field ids: one form a lot. */
export function bidFieldIds(lotId: string) {
  return {
    pricePence: `bid-${lotId}-price`,
    vehicleIds: `bid-${lotId}-vehicles`,
    staffIds: `bid-${lotId}-staff`,
  } as const;
}

/**
 * A bid: a day's price in pounds (whole pence sent), the operator's vehicles offered and the
 * people (drivers, passenger assistants) it would put on the work.
 */
export function readBid(
  lotId: string,
  fields: {
    readonly price: string;
    readonly vehicleIds: readonly string[];
    readonly staffIds?: readonly string[];
  },
): Read<BidBody> {
  const ids = bidFieldIds(lotId);
  const problems: Problem[] = [];
  const pence = penceOf(fields.price);
  if (pence === undefined || pence <= 0)
    problems.push({
      text: "Enter the price of a day in pounds and pence, like 185 or 185.50",
      href: `#${ids.pricePence}`,
    });
  if (fields.vehicleIds.length === 0)
    problems.push({ text: "Choose at least one vehicle to offer", href: `#${ids.vehicleIds}` });
  if (pence === undefined || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      lotId,
      pricePence: pence,
      vehicleIds: [...fields.vehicleIds],
      staffIds: [...(fields.staffIds ?? [])],
    },
  };
}

/** A quality mark's field id: one a bid. */
export const qualityFieldId = (bidId: string) => `quality-${bidId}`;

/** A quality mark, a whole number 0–100. */
export function readQuality(bidId: string, text: string): Read<number> {
  const mark = text.trim();
  if (/^\d{1,3}$/.test(mark) && Number(mark) <= 100) return { ok: true, body: Number(mark) };
  return {
    ok: false,
    problems: [{ text: "Enter a quality mark from 0 to 100", href: `#${qualityFieldId(bidId)}` }],
  };
}
