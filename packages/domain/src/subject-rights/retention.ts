import { z } from "zod";

/** Data categories the retention schedule names, each with what happens once its time is up. */
export const RETENTION_CATEGORIES = [
  "inactive-passengers",
  "finished-jobs",
  "journey-marks",
  "taps",
  "messages",
  "audit-log",
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

/** The categories of records kept by service date: deleted whole once their day is old enough. */
export const DAY_RECORD_CATEGORIES = ["journey-marks", "taps", "messages"] as const;
export type DayRecordCategory = (typeof DAY_RECORD_CATEGORIES)[number];

export function isDayRecordCategory(category: RetentionCategory): category is DayRecordCategory {
  return (DAY_RECORD_CATEGORIES as readonly string[]).includes(category);
}

export interface RetentionRule {
  readonly category: RetentionCategory;
  /** Months after the last use; null: kept for good. */
  readonly months: number | null;
  readonly action: "erase" | "delete" | "keep";
  readonly description: string;
  /** Why this period, and how sure (domain-rules.md tags: S sourced, A assumed). */
  readonly basis: string;
  readonly confidence: "S" | "A";
}

/**
 * The default schedule. Councils set their own in their records management policy; these are
 * placeholders a data protection officer replaces by the job's `months`.
 */
export const DEFAULT_RETENTION_SCHEDULE: readonly RetentionRule[] = [
  {
    category: "inactive-passengers",
    months: 72,
    action: "erase",
    description:
      "Passengers with no trip request running and no entitlement decision made or reviewed in the period: erased (pseudonymised) as on a request.",
    basis:
      "Six years, the limitation period for claims in contract and tort (Limitation Act 1980 ss.2 and 5) that councils' schedules commonly use for service records; not a statutory figure for transport.",
    confidence: "A",
  },
  {
    category: "finished-jobs",
    months: 3,
    action: "delete",
    description:
      "Finished jobs (day plans, analyses, retention runs): their rows, inputs and results. The plans they stored stay.",
    basis: "Operational records with no use once the plan or report they made is kept.",
    confidence: "A",
  },
  {
    category: "journey-marks",
    months: 24,
    action: "delete",
    description:
      "What drivers and assistants marked at stops (arrived, on board, dropped off, no-show and its reason), by the day of the run: deleted once the day is older than the period.",
    basis:
      "On-time and no-show figures, NEPTS returns and operators' payment queries look back a year or two; the figures already reported stay in the reports.",
    confidence: "A",
  },
  {
    category: "taps",
    months: 13,
    action: "delete",
    description:
      "Smartcard taps and attendance rows, by the day travelled: deleted once the day is older than the period.",
    basis:
      "Seats are sized from the last school year of taps, with the start of the next term to compare.",
    confidence: "A",
  },
  {
    category: "messages",
    months: 13,
    action: "delete",
    description:
      "Messages sent to passengers and parents (and those held back or failed), by the day they were about: deleted once the day is older than the period. Messages still waiting to be sent are kept.",
    basis:
      "Long enough to answer a complaint about what a family was told over a school year; the words hold a given name and a trip reference, no address or need.",
    confidence: "A",
  },
  {
    category: "audit-log",
    months: null,
    action: "keep",
    description:
      "The audit log is never cut: each entry's hash chains to the one before it. It holds ids, purposes and counts, never personal fields.",
    basis: "Accountability (UK GDPR Art. 5(2)); the hash chain must stay whole to prove it.",
    confidence: "A",
  },
];

export const retentionInputSchema = z.strictObject({
  /** Only report what is due (the default); false applies it. */
  dryRun: z.boolean().default(true),
  /** Months per category replacing the default schedule's. */
  months: z
    .strictObject({
      "inactive-passengers": z.number().int().min(12).max(1200).optional(),
      "finished-jobs": z.number().int().min(1).max(1200).optional(),
      "journey-marks": z.number().int().min(12).max(1200).optional(),
      taps: z.number().int().min(1).max(1200).optional(),
      messages: z.number().int().min(1).max(1200).optional(),
    })
    .default({}),
});
export type RetentionInput = z.infer<typeof retentionInputSchema>;

/** The schedule with the input's months in place of the defaults. */
export function retentionSchedule(input: RetentionInput): RetentionRule[] {
  return DEFAULT_RETENTION_SCHEDULE.map((rule) => {
    const months = rule.category === "audit-log" ? undefined : input.months[rule.category];
    return months === undefined ? rule : { ...rule, months };
  });
}

/** The day `months` whole months before `today` (YYYY-MM-DD; the month's last day when shorter). */
export function monthsBefore(today: string, months: number): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(day, last);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
