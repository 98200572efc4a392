import { z } from "zod";
import { nameSchema } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { isoDateSchema } from "../shared/time-of-day";

export const termPeriodSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((p) => p.start <= p.end, { message: "start must not be after end", path: ["end"] });

/** School terms: recurring school trips happen only on weekdays inside a period. */
export const termCalendarInputSchema = z.object({
  name: nameSchema,
  periods: z.array(termPeriodSchema).min(1, { message: "give at least one term period" }),
});
export type TermCalendarInput = z.infer<typeof termCalendarInputSchema>;

export type TermCalendar = Stored<TermCalendarInput>;
