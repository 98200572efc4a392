import { z } from "zod";
import { idSchema, referenceSchema, WEEKDAYS } from "../shared/schemas";
import type { Stored } from "../shared/stored";
import { isoDateSchema, timeOfDaySchema } from "../shared/time-of-day";

/** Why the journey is made; each purpose belongs to a service and usually one funder. */
export const TRIP_PURPOSES = [
  "school",
  "send-school",
  "post-16",
  "adult-day-service",
  "hospital-appointment",
  "dialysis",
  "gp-appointment",
  "demand-responsive",
  "community-transport",
] as const;
export type TripPurpose = (typeof TRIP_PURPOSES)[number];

/** An end of a journey: the passenger's home, or a place in the register. */
export const tripEndSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("home") }),
  z.object({ kind: z.literal("place"), placeId: idSchema }),
]);
export type TripEnd = z.infer<typeof tripEndSchema>;

export const recurrenceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("one-off"), date: isoDateSchema }),
  z.object({
    kind: z.literal("recurring"),
    weekdays: z.array(z.enum(WEEKDAYS)).min(1, { message: "name at least one weekday" }),
    from: isoDateSchema,
    to: isoDateSchema,
    /** Only on days inside this calendar's terms (school transport). */
    termCalendarId: idSchema.optional(),
  }),
]);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const TIMINGS = ["arrive-by", "depart-after"] as const;
export type Timing = (typeof TIMINGS)[number];

export const TRIP_STATUSES = ["requested", "booked", "cancelled"] as const;

/** Who travels, for whom, from where to where and when: shared by trip requests and bookings. */
export const tripShape = {
  passengerId: idSchema,
  funderId: idSchema,
  purpose: z.enum(TRIP_PURPOSES),
  origin: tripEndSchema,
  destination: tripEndSchema,
  timing: z.enum(TIMINGS),
  /** The bell time, appointment time or earliest departure, "HH:MM". */
  time: timeOfDaySchema,
  /** How much earlier (arrive-by) or later (depart-after) is acceptable, minutes. */
  windowMinutes: z.number().int().min(0).max(240).default(15),
  maxRideMinutes: z.number().int().min(1).max(300).optional(),
  /** Escorts or carers travelling with the passenger. */
  escorts: z.number().int().min(0).max(4).default(0),
};

/** A trip cannot both start and end at home. */
export const notHomeToHome = (r: { origin: TripEnd; destination: TripEnd }) =>
  !(r.origin.kind === "home" && r.destination.kind === "home");
export const NOT_HOME_TO_HOME_ISSUE = {
  message: "a trip cannot both start and end at home",
  path: ["destination"],
};

/** A wish to travel from A to B within a time window. */
export const tripRequestInputSchema = z
  .object({
    reference: referenceSchema,
    ...tripShape,
    recurrence: recurrenceSchema,
    /** The outbound request this one returns from: planned on the same vehicle where possible. */
    returnOfId: idSchema.optional(),
    status: z.enum(TRIP_STATUSES).default("requested"),
  })
  .refine(notHomeToHome, NOT_HOME_TO_HOME_ISSUE)
  .refine((r) => r.recurrence.kind === "one-off" || r.recurrence.from <= r.recurrence.to, {
    message: "recurrence.from must not be after recurrence.to",
    path: ["recurrence", "to"],
  });
export type TripRequestInput = z.infer<typeof tripRequestInputSchema>;

export type TripRequest = Stored<TripRequestInput>;
