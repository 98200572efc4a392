import { z } from "zod";
import { idSchema, nameSchema, penceSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";

/** The budgets that pay for journeys. */
export const FUNDER_KINDS = [
  "home-to-school",
  "send",
  "post-16",
  "adult-social-care",
  "nhs",
  "public-transport",
  "community-transport-grant",
] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

export const funderInputSchema = z.object({
  name: nameSchema,
  kind: z.enum(FUNDER_KINDS),
});
export type FunderInput = z.infer<typeof funderInputSchema>;

/** A financial year written "2026/27": April to March. */
const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;

export const budgetInputSchema = z.object({
  funderId: idSchema,
  financialYear: z
    .string()
    .regex(FINANCIAL_YEAR, { message: 'expected a financial year "YYYY/YY", e.g. "2026/27"' })
    .refine(isConsecutiveYear, { message: "the two years must follow each other" }),
  amountPence: penceSchema,
});
export type BudgetInput = z.infer<typeof budgetInputSchema>;

function isConsecutiveYear(text: string): boolean {
  const match = FINANCIAL_YEAR.exec(text);
  if (!match) return false;
  return (Number(match[1]) + 1) % 100 === Number(match[2]);
}

export type Funder = Stored<FunderInput>;
export type Budget = Stored<BudgetInput>;
