import { z } from "zod";

/** An organisation's own reference for a row (pupil number, fleet number, URN…). */
export const referenceSchema = z
  .string()
  .trim()
  .min(1, { message: "reference is required" })
  .max(64, { message: "reference must be at most 64 characters" });

export const nameSchema = z.string().trim().min(1, { message: "is required" }).max(200);

/** Money in whole pence, never negative. */
export const penceSchema = z
  .number()
  .int({ message: "expected whole pence" })
  .min(0, { message: "must not be negative" });

export const idSchema = z.uuid({ message: "expected an id (UUID)" });

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
