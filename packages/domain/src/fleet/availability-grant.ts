import { z } from "zod";
import { idSchema, penceSchema, WEEKDAYS, type Weekday } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { isoDateSchema, timeOfDaySchema } from "../shared/time-of-day";
import { weekdayOf } from "../trips/occurrences";

/**
 * An operator's offer of some of its vehicles to another organisation (a council, the ICB, a
 * partnership): on which weekdays and hours, between which dates, and at what rates. The vehicles
 * stay in the operator's register: the grantee plans with them, never with copies. Grants of one
 * vehicle never overlap, so it is never in two organisations' runs at once.
 */
export const availabilityGrantInputSchema = z
  .object({
    granteeId: idSchema,
    vehicleIds: z
      .array(idSchema)
      .min(1, { message: "name at least one vehicle" })
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, { message: "a vehicle is listed twice" }),
    weekdays: z.array(z.enum(WEEKDAYS)).min(1).default(["mon", "tue", "wed", "thu", "fri"]),
    startTime: timeOfDaySchema,
    endTime: timeOfDaySchema,
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    /** The grantee's own record of the operator (its contract counterparty), if it keeps one. */
    granteeOperatorId: idSchema.optional(),
    /** The grantee's budgets that contract these vehicles: their silo fleets in an analysis. */
    funderIds: z.array(idSchema).max(20).default([]),
    /** Rates the grantee pays; each left out is the vehicle's own. */
    fixedCostPence: penceSchema.optional(),
    costPerKmPence: penceSchema.optional(),
    costPerHourPence: penceSchema.optional(),
  })
  .refine((g) => g.startTime < g.endTime, {
    message: "startTime must be before endTime",
    path: ["endTime"],
  })
  .refine((g) => g.validFrom <= g.validTo, {
    message: "validFrom must not be after validTo",
    path: ["validTo"],
  });
export type AvailabilityGrantInput = z.infer<typeof availabilityGrantInputSchema>;

export type AvailabilityGrant = Stored<AvailabilityGrantInput> & {
  /** Withdrawn grants no longer let the grantee plan with the vehicles. */
  readonly withdrawn: boolean;
};

type Window = Pick<
  AvailabilityGrantInput,
  "weekdays" | "startTime" | "endTime" | "validFrom" | "validTo"
>;

/** True when the two windows share a moment: a date in both ranges, a weekday and a minute. */
export function grantWindowsOverlap(a: Window, b: Window): boolean {
  const dates = a.validFrom <= b.validTo && b.validFrom <= a.validTo;
  const days = a.weekdays.some((d: Weekday) => b.weekdays.includes(d));
  const hours = a.startTime < b.endTime && b.startTime < a.endTime;
  return dates && days && hours;
}

/** True when the grant lets its grantee plan with its vehicles on `date`. */
export function grantAppliesOn(grant: Window & { withdrawn?: boolean }, date: string): boolean {
  if (grant.withdrawn) return false;
  if (date < grant.validFrom || grant.validTo < date) return false;
  return grant.weekdays.includes(weekdayOf(date));
}
