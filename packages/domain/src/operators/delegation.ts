import { z } from "zod";
import { addDays, dayOfWeek } from "../entitlement/dates";
import type { Confidence } from "../entitlement/types";
import { idSchema, penceSchema } from "../shared/schemas";
import { type Area, areaSchema } from "./area";
import { type Contract, lastContractDay } from "./contract";

/** A financial year written "2026/27": 1 April 2026 to 31 March 2027. */
const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;

export const financialYearSchema = z
  .string()
  .regex(FINANCIAL_YEAR, { message: 'expected a financial year "YYYY/YY", e.g. "2026/27"' })
  .refine((t) => (Number(t.slice(0, 4)) + 1) % 100 === Number(t.slice(5, 7)), {
    message: "the two years must follow each other",
  });

/** What a council delegates to a local consortium: a budget for a financial year and an area. */
export const delegationInputSchema = z.object({
  /** The local consortium the budget and area are delegated to. */
  consortiumId: idSchema,
  financialYear: financialYearSchema,
  budgetPence: penceSchema,
  area: areaSchema,
});
export type DelegationInput = Omit<z.infer<typeof delegationInputSchema>, "area"> & {
  readonly area: Area;
};

/** A change of a delegation: its budget, its area, or both. */
export const delegationChangeSchema = z
  .object({ budgetPence: penceSchema.optional(), area: areaSchema.optional() })
  .refine((c) => c.budgetPence !== undefined || c.area !== undefined, {
    message: "change the budget, the area or both",
  });
export type DelegationChange = { readonly budgetPence?: number; readonly area?: Area };

/**
 * A delegation is `proposed` by the council and counts only once the consortium has `accepted`
 * it; the consortium may instead decline it, and the council may withdraw a proposed or accepted
 * one (it then stops counting).
 */
export const DELEGATION_STATUSES = ["proposed", "accepted", "declined", "withdrawn"] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** The consortium's answer to a proposed delegation. */
export const delegationAnswerSchema = z.object({ answer: z.enum(["accept", "decline"]) });
export type DelegationAnswer = z.infer<typeof delegationAnswerSchema>;

export interface Delegation extends DelegationInput {
  readonly id: string;
  /** The council that delegates. */
  readonly councilId: string;
  readonly status: DelegationStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The first and last day of a financial year "2026/27". */
export function financialYearDays(year: string): { readonly from: string; readonly to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The financial year a date falls in ("2026/27" from 1 April 2026). */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= "04-01" ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The financial years a span of days touches, in order. */
export function financialYearsBetween(from: string, to: string): string[] {
  const years: string[] = [];
  for (let y = financialYearOf(from); financialYearDays(y).from <= to; ) {
    years.push(y);
    y = financialYearOf(addDays(financialYearDays(y).to, 1));
  }
  return years;
}

/** Which days a contract priced by the day is counted as committed for, with where that comes from. */
export interface CommitmentDays {
  readonly version: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekdays: readonly number[];
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * A day's price is committed for every weekday of the contract's term: the contract names no
 * timetable, and Monday to Friday is the most a school or day-service contract works (a lot's
 * "days a year" count fewer: about 190 school days). Counting every weekday errs on the side of
 * the budget: a consortium never signs more than its delegated budget could pay for.
 */
export const COMMITMENT_DAYS: CommitmentDays = {
  version: "weekdays-2026",
  weekdays: [1, 2, 3, 4, 5],
  source:
    "Total Transport default (docs/consortia.md, 'What a consortium has committed'): Monday to Friday, the most a home-to-school or day-service contract works; bank holidays are not taken off",
  confidence: "derived",
};

/** Days from `from` to `to` inclusive that fall on the counted weekdays. */
export function countedDays(
  from: string,
  to: string,
  days: CommitmentDays = COMMITMENT_DAYS,
): number {
  if (to < from) return 0;
  const total =
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5) + 1;
  const weeks = Math.floor(total / 7);
  let count = weeks * days.weekdays.length;
  for (let k = weeks * 7; k < total; k++) {
    if (days.weekdays.includes(dayOfWeek(addDays(from, k)))) count++;
  }
  return count;
}

/** A contract's commitment in a financial year: days counted and pence, or why it cannot be. */
export type Commitment =
  | { readonly counted: true; readonly days: number; readonly pence: number }
  | { readonly counted: false; readonly reason: string };

/**
 * What a contract commits its buyer to in `year`: a day's price times the counted days of its
 * term (from its start to its last day, the day before it was ended if it was) within the year.
 * A contract priced per mile or per trip cannot be counted: its cost depends on what is driven.
 */
export function commitmentIn(contract: Contract, year: string): Commitment {
  const { basis, pence } = contract.price;
  if (basis !== "per-day" || pence === undefined) {
    return { counted: false, reason: `priced ${basis}: its cost depends on the work done` };
  }
  const fy = financialYearDays(year);
  const from = contract.startsOn > fy.from ? contract.startsOn : fy.from;
  const last = lastContractDay(contract);
  const to = last < fy.to ? last : fy.to;
  const days = countedDays(from, to);
  return { counted: true, days, pence: days * pence };
}

/** Pounds and pence as people write them: "£28,120.00". */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString("en-GB");
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, "0")}`;
}
