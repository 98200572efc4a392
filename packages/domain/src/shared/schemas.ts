import { z } from "zod";

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The index of the first control character (C0 or DEL) in the text, or -1. With `lineBreaks`,
 * tab, line feed and carriage return are allowed (multi-line text).
 */
export function findControlCharacter(text: string, lineBreaks = false): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code !== 0x7f) continue;
    if (lineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return i;
  }
  return -1;
}

/** True when the text holds a control character (`lineBreaks`: tab, LF and CR are allowed). */
export function hasControlCharacter(text: string, lineBreaks = false): boolean {
  return findControlCharacter(text, lineBreaks) >= 0;
}

const noControl = { message: "must not contain control characters" } as const;

/** One line of text, trimmed, at most `max` characters, without control characters. */
export function plainTextSchema(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((text) => !hasControlCharacter(text), noControl);
}

/** Text that may span lines (tab, LF, CR allowed), at most `max` characters. */
export function multiLineTextSchema(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((text) => !hasControlCharacter(text, true), noControl);
}

/** An organisation's own reference for a row (pupil number, fleet number, URN…). */
export const referenceSchema = z
  .string()
  .trim()
  .min(1, { message: "reference is required" })
  .max(64, { message: "reference must be at most 64 characters" })
  .refine((text) => !hasControlCharacter(text), noControl);

export const nameSchema = z
  .string()
  .trim()
  .min(1, { message: "is required" })
  .max(200)
  .refine((text) => !hasControlCharacter(text), noControl);

/** The largest sum of money the register holds: £1,000,000,000, in pence. */
export const MAX_PENCE = 100_000_000_000;

/** Money in whole pence, never negative, at most `MAX_PENCE` (stored as 64-bit). */
export const penceSchema = z
  .number()
  .int({ message: "expected whole pence" })
  .min(0, { message: "must not be negative" })
  .max(MAX_PENCE, { message: "must be at most 100000000000 pence (£1,000,000,000)" });

export const idSchema = z.uuid({ message: "expected an id (UUID)" });

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
