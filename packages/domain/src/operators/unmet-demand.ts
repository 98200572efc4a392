import { z } from "zod";
import { latitudeSchema, longitudeSchema } from "../shared/geo";
import { plainTextSchema, WEEKDAYS } from "../shared/schemas";
import { timeOfDaySchema } from "../shared/time-of-day";
import { TRIP_PURPOSES } from "../trips/trip-request";

/**
 * One row of a parish needs survey: a journey people would make if there were transport for it,
 * from where to where, for what, on which days, at what time, and how many people.
 */
export const unmetDemandInputSchema = z.object({
  originLat: latitudeSchema,
  originLon: longitudeSchema,
  destinationLat: latitudeSchema,
  destinationLon: longitudeSchema,
  purpose: z.enum(TRIP_PURPOSES),
  days: z
    .array(z.enum(WEEKDAYS))
    .min(1, { message: "name at least one day (mon … sun)" })
    .max(7)
    .refine((d) => new Set(d).size === d.length, { message: "a day is named twice" }),
  /** When they would want to arrive (or set off), "HH:MM". */
  time: timeOfDaySchema,
  count: z
    .number({ message: "expected a whole number of people" })
    .int({ message: "expected a whole number of people" })
    .min(1, { message: "at least 1 person" })
    .max(500, { message: "at most 500 people on one row" }),
  /** Where the row comes from, e.g. "Fen Drayton parish survey 2026". */
  survey: plainTextSchema(120).min(1, { message: "name the survey" }),
});
export type UnmetDemandInput = z.infer<typeof unmetDemandInputSchema>;

export interface UnmetDemand extends UnmetDemandInput {
  readonly id: string;
  readonly organisationId: string;
  readonly importedAt: string;
}
