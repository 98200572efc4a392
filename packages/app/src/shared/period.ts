import { isoDateSchema } from "@tt/domain";
import { z } from "zod";

const DAY_MS = 86_400_000;

/** A period of days, `from` to `to` inclusive, at most `maxDays` long. */
export function periodSchema(maxDays: number) {
  return z
    .object({ from: isoDateSchema, to: isoDateSchema })
    .refine((q) => q.from <= q.to, { path: ["to"], message: "the period ends before it starts" })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) < maxDays * DAY_MS, {
      path: ["to"],
      message: `at most ${maxDays} days at a time`,
    });
}
