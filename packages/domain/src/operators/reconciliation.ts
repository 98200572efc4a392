import { type Commission, type CommissionStatus, commissionStatusAt } from "./commission";

/**
 * One commission in a month's reconciliation. `amountPence` is what its journey earns at its rate:
 * miles × pence a mile, rounded half up to whole pence for each journey (see `journeyPence`).
 */
export interface ReconciliationLine {
  readonly commissionId: string;
  readonly date: string;
  readonly reference: string;
  readonly status: CommissionStatus;
  readonly mileTenths: number;
  readonly ratePence: number;
  readonly rateVersion: string;
  readonly amountPence: number;
  readonly driverStaffId?: string;
  readonly disputeReason?: string;
}

/** A month of one buyer's commissions to one group, reconciled. */
export interface GroupReconciliation {
  readonly buyerId: string;
  readonly groupId: string;
  /** "YYYY-MM". */
  readonly month: string;
  /** Offers the group accepted (completed and disputed ones included). */
  readonly commissioned: number;
  /** Commissions with a journey recorded (disputed ones included). */
  readonly completed: number;
  /** Accepted but no journey recorded. */
  readonly notCompleted: number;
  readonly disputed: number;
  /** Offers declined or lapsed: never commissioned. */
  readonly declined: number;
  readonly lapsed: number;
  /** Miles (tenths) of the journeys payable: completed, not disputed. */
  readonly mileTenths: number;
  /** What the buyer pays: the sum of the payable journeys' amounts. */
  readonly payablePence: number;
  /** Miles and amount of journeys held back by a dispute. */
  readonly disputedMileTenths: number;
  readonly disputedPence: number;
  readonly lines: readonly ReconciliationLine[];
}

/**
 * Pence a journey earns: `mileTenths` tenths of a mile at `ratePence` a mile, rounded half up to
 * whole pence (12.3 miles at 45p = 553.5p → 554p). Integer arithmetic: exact for any journey.
 * The month's amount is the sum of its journeys' rounded amounts.
 */
export function journeyPence(mileTenths: number, ratePence: number): number {
  return Math.floor((mileTenths * ratePence + 5) / 10);
}

function line(c: Commission, now: string): ReconciliationLine {
  const mileTenths = c.completion?.mileTenths ?? 0;
  return {
    commissionId: c.id,
    date: c.date,
    reference: c.trip.reference,
    status: commissionStatusAt(c, now),
    mileTenths,
    ratePence: c.rate.pence,
    rateVersion: c.rate.version,
    amountPence: journeyPence(mileTenths, c.rate.pence),
    ...(c.completion ? { driverStaffId: c.completion.driverStaffId } : {}),
    ...(c.disputeReason ? { disputeReason: c.disputeReason } : {}),
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function totals(lines: readonly ReconciliationLine[]) {
  const count = (statuses: readonly CommissionStatus[]) =>
    lines.filter((l) => statuses.includes(l.status)).length;
  const payable = lines.filter((l) => l.status === "completed");
  const held = lines.filter((l) => l.status === "disputed");
  const completed = lines.filter((l) => l.mileTenths > 0).length;
  const commissioned = count(["accepted", "completed", "disputed"]);
  return {
    commissioned,
    completed,
    notCompleted: commissioned - completed,
    disputed: held.length,
    declined: count(["declined"]),
    lapsed: count(["lapsed"]),
    mileTenths: sum(payable.map((l) => l.mileTenths)),
    payablePence: sum(payable.map((l) => l.amountPence)),
    disputedMileTenths: sum(held.map((l) => l.mileTenths)),
    disputedPence: sum(held.map((l) => l.amountPence)),
  };
}

/**
 * A month's reconciliation (by the day of each trip, `month` "YYYY-MM"), one per buyer and group:
 * commissioned against completed, the miles and the amount payable at each commission's agreed
 * rate, and the disputes, with a line per commission by date. `now` decides which unanswered
 * offers have lapsed.
 */
export function reconcileMonth(
  commissions: readonly Commission[],
  month: string,
  now: string,
): GroupReconciliation[] {
  const pairs = new Map<string, Commission[]>();
  for (const c of commissions.filter((c) => c.date.slice(0, 7) === month)) {
    const key = `${c.buyerId}:${c.groupId}`;
    pairs.set(key, [...(pairs.get(key) ?? []), c]);
  }
  return [...pairs.values()].map((group) => {
    const lines = group
      .map((c) => line(c, now))
      .sort((a, b) => a.date.localeCompare(b.date) || a.commissionId.localeCompare(b.commissionId));
    const first = group[0]!;
    return { buyerId: first.buyerId, groupId: first.groupId, month, ...totals(lines), lines };
  });
}

/** "412.6" from 4126 tenths. */
export const formatMiles = (mileTenths: number): string =>
  `${Math.floor(mileTenths / 10)}.${mileTenths % 10}`;

const CSV_HEADER = [
  "buyer",
  "group",
  "month",
  "commission",
  "date",
  "passenger reference",
  "status",
  "miles",
  "rate pence a mile",
  "rate version",
  "amount pence",
  "payable pence",
  "dispute",
];

/** A cell quoted when needed; text that a spreadsheet would run as a formula starts with a quote. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The payment export: a header row, then for each buyer and group a row per commission (no
 * passenger's name: the pseudonymised reference only; `payable pence` 0 unless completed and not
 * disputed) and a total row. `names` gives the organisations' names by id.
 */
export function reconciliationCsv(
  reconciliations: readonly GroupReconciliation[],
  names: ReadonlyMap<string, string>,
): string {
  const rows = reconciliations.flatMap((r) => {
    const parties = [names.get(r.buyerId) ?? r.buyerId, names.get(r.groupId) ?? r.groupId, r.month];
    const lines = r.lines.map((l) => [
      ...parties,
      l.commissionId,
      l.date,
      l.reference,
      l.status,
      formatMiles(l.mileTenths),
      String(l.ratePence),
      l.rateVersion,
      String(l.amountPence),
      String(l.status === "completed" ? l.amountPence : 0),
      l.disputeReason ?? "",
    ]);
    const total = [...parties, "total", "", "", "", formatMiles(r.mileTenths), "", "", ""];
    return [...lines, [...total, String(r.payablePence), ""]];
  });
  return `${[CSV_HEADER, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
