import type {
  CommissionOfferBody,
  CommissionPresented,
  CompletionBody,
  ReconciliationPresented,
} from "@tt/contract";
import type { Problem } from "../api";
import { deadlineFrom } from "../procurement/competition-words";
import { poundsOf } from "../procurement/contract-words";
import { isRealDate } from "../routes/search-params";

type Status = CommissionPresented["status"];
export type GroupReconciliationView = ReconciliationPresented["groups"][number];

/** The forms' field ids, by the API's field names (for the error summary's links). */
export const OFFER_FIELD_IDS = {
  planId: "offer-plan",
  groupId: "offer-group",
  tripRequestIds: "offer-trips",
  deadline: "offer-deadline-day",
} as const;
export const JOURNEY_FIELD_IDS = {
  date: "journey-date",
  miles: "journey-miles",
  driverStaffId: "journey-driver",
  vehicleId: "journey-vehicle",
} as const;
export const DISPUTE_FIELD_IDS = { reason: "dispute-reason" } as const;

const STATUS_TAGS: Record<Status, { text: string; colour: string }> = {
  offered: { text: "Offered", colour: "blue" },
  accepted: { text: "Accepted", colour: "turquoise" },
  declined: { text: "Declined", colour: "grey" },
  lapsed: { text: "Lapsed", colour: "orange" },
  completed: { text: "Completed", colour: "green" },
  disputed: { text: "Disputed", colour: "red" },
};

/** The GOV.UK tag of a commission's status. */
export function commissionStatusTag(status: Status): { text: string; className: string } {
  const tag = STATUS_TAGS[status];
  return { text: tag.text, className: `govuk-tag govuk-tag--${tag.colour}` };
}

/** "12.3 miles" from 123 tenths; "1 mile". */
export function milesInWords(tenths: number): string {
  const miles = `${Math.floor(tenths / 10)}.${tenths % 10}`.replace(/\.0$/, "");
  return `${miles} ${tenths === 10 ? "mile" : "miles"}`;
}

/** "45p a mile (hmrc-amap-2011)": the agreed rate and its version. */
export const rateInWords = (rate: CommissionPresented["rate"]) =>
  `${rate.pence}p a mile (${rate.version})`;

/** "£147.16" for 14716 pence. */
export const amountInWords = (pence: number) => poundsOf(pence);

/** "YYYY-MM" of a "YYYY-MM-DD" day. */
export const monthOf = (day: string) => day.slice(0, 7);

/** "October 2026" for "2026-10". */
export function monthInWords(month: string): string {
  const at = new Date(`${month}-01T12:00:00Z`);
  if (Number.isNaN(at.getTime())) return month;
  return at.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** The month before (-1) or after (+1) "YYYY-MM". */
export function shiftMonth(month: string, by: number): string {
  const [year = 0, m = 1] = month.split("-").map(Number);
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** A trip as the group sees it: "Arrive by 10:00: Home: 1 High St → Day centre (wheelchair)". */
export function tripInWords(trip: CommissionPresented["trip"]): string {
  const when = `${trip.timing === "arrive-by" ? "Arrive by" : "Leave after"} ${trip.time}`;
  const needs = trip.needs.length > 0 ? ` (${trip.needs.join(", ")})` : "";
  return `${when}: ${trip.pickup} → ${trip.dropoff}${needs}`;
}

type Read<T> = { ok: true; body: T } | { ok: false; problems: Problem[] };
const problem = (id: string, text: string): Problem => ({ text, href: `#${id}` });

/** The offer form's answers as the API's body, or what is missing. */
export function readOffer(input: {
  planId: string;
  groupId: string;
  tripRequestIds: readonly string[];
  deadlineDay: string;
  deadlineTime: string;
}): Read<CommissionOfferBody> {
  const id = OFFER_FIELD_IDS;
  const problems: Problem[] = [];
  if (!input.planId) problems.push(problem(id.planId, "Choose the plan"));
  if (!input.groupId) problems.push(problem(id.groupId, "Choose the community transport group"));
  if (input.tripRequestIds.length === 0) {
    problems.push(problem(id.tripRequestIds, "Choose at least one trip to offer"));
  }
  const deadline = deadlineFrom(input.deadlineDay, input.deadlineTime);
  if (!deadline) problems.push(problem(id.deadline, "Give the day and time (HH:MM) to answer by"));
  if (problems.length > 0) return { ok: false, problems };
  const body = { planId: input.planId, groupId: input.groupId, deadline };
  return { ok: true, body: { ...body, tripRequestIds: [...input.tripRequestIds] } };
}

/** The journey form's answers as the API's body, or what is wrong. */
export function readJourney(input: {
  date: string;
  miles: string;
  /** Undefined when a driver records as themselves. */
  driverStaffId: string | undefined;
  vehicleId: string;
}): Read<CompletionBody> {
  const id = JOURNEY_FIELD_IDS;
  const problems: Problem[] = [];
  if (!isRealDate(input.date)) problems.push(problem(id.date, "Give the day of the journey"));
  const miles = Number(input.miles.trim());
  if (!/^\d+(\.\d)?$/.test(input.miles.trim()) || miles <= 0) {
    problems.push(problem(id.miles, "Give the miles driven, to a tenth at most, like 12.3"));
  }
  if (input.driverStaffId === "") problems.push(problem(id.driverStaffId, "Choose the driver"));
  if (problems.length > 0) return { ok: false, problems };
  const vehicle = input.vehicleId ? { vehicleId: input.vehicleId } : {};
  const driver = input.driverStaffId ? { driverStaffId: input.driverStaffId } : {};
  return {
    ok: true,
    body: { date: input.date, miles, ...driver, ...vehicle },
  };
}

/** The reconciliation's headline figures, in the order the table shows them. */
export function reconciliationFigures(g: GroupReconciliationView): [string, string][] {
  return [
    ["Commissioned", String(g.commissioned)],
    ["Completed", String(g.completed)],
    ["Accepted, not completed", String(g.notCompleted)],
    ["Declined or lapsed", String(g.declined + g.lapsed)],
    ["Miles payable", milesInWords(g.mileTenths)],
    ["Amount payable", amountInWords(g.payablePence)],
    [
      "Disputed",
      `${g.disputed} (${milesInWords(g.disputedMileTenths)}, ${amountInWords(g.disputedPence)} held)`,
    ],
  ];
}
