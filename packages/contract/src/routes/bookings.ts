import { createRoute, z } from "@hono/zod-openapi";
import { isIsoDate, timeOfDaySchema, WEEKDAYS } from "@tt/domain";
import { idParamSchema } from "../common";
import { bookingInputSchema, CANCELLATION_REASON_CODES, cancellationInputSchema } from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { planRunSchema } from "./plans";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const isoDateQuery = () =>
  z
    .string()
    .refine(isIsoDate, { message: 'expected a date "YYYY-MM-DD" that exists' })
    .openapi({ example: "2026-11-24", format: "date" });
const clock = () => z.string().openapi({ example: "08:25", description: "HH:MM" });

/**
 * A one-off trip on a day with an operating plan: who, from and to where, and when (arrive by or
 * depart after, with the window the passenger accepts). The domain's own schema.
 */
export const bookingBodySchema = named(bookingInputSchema, "Booking");
export type BookingBody = z.infer<typeof bookingBodySchema>;

export const bookBodySchema = z
  .object({
    booking: bookingBodySchema,
    vehicleId: z.string().min(1).max(100).openapi({ description: "The option chosen." }),
    toldWindow: z
      .tuple([timeOfDaySchema, timeOfDaySchema])
      .optional()
      .openapi({
        description:
          'The pick-up window the passenger was told with the option ("HH:MM", "HH:MM"). When the chosen vehicle no longer has room (another booking took it), the trip goes on the cheapest other vehicle whose pick-up falls in this window, so what the passenger was told holds; without it, or with no such vehicle, the answer is 409.',
        example: ["10:05", "10:20"],
      }),
  })
  .openapi("Book");
export type BookBody = z.infer<typeof bookBodySchema>;

export const detourSchema = z
  .object({
    passengers: z.number().int().openapi({ description: "Others on the run whose times change." }),
    addedRideMinutes: z.number().openapi({ description: "Ride time added to them, together." }),
    largestPickupShift: z.number().openapi({ description: "Largest move of a pick-up, minutes." }),
  })
  .openapi("Detour");

export const bookingOptionSchema = z
  .object({
    vehicleId: z.string(),
    vehicleReference: z.string(),
    pickup: clock().openapi({ description: "When the vehicle calls (planned)." }),
    pickupWindow: z.tuple([clock(), clock()]).openapi({
      description:
        "The window the passenger is told: around the planned call, inside the trip's own window.",
    }),
    dropoff: clock(),
    addedCost: z.number().openapi({ description: "Pounds the trip adds to the day's plan." }),
    detour: detourSchema,
    stops: z.number().int().openapi({ description: "Stops on the run with the trip in it." }),
  })
  .openapi("BookingOption");

export const bookingEntitlementSchema = z
  .object({
    ok: z.boolean(),
    regime: z.string().nullable(),
    decisionId: z.string().nullable(),
    rule: z.string().optional(),
    message: z.string().optional(),
  })
  .openapi("BookingEntitlement");

export const bookingOptionsSchema = z
  .object({
    planId: z.uuid(),
    revision: z.number().int(),
    entitlement: bookingEntitlementSchema,
    options: z.array(bookingOptionSchema).max(3),
    refusals: z
      .array(z.object({ reason: z.string(), vehicles: z.number().int(), example: z.string() }))
      .openapi({ description: "When there is no option: why the vehicles cannot take it." }),
    untried: z.number().int().openapi({
      description:
        "Vehicles farther off not tried because none of the nearest had room: ask again with everyRun=true to try them.",
    }),
  })
  .openapi("BookingOptions");
export type BookingOptionsView = z.infer<typeof bookingOptionsSchema>;

export const bookedSchema = z
  .object({
    tripRequestId: z.uuid(),
    reference: z.string(),
    planId: z.uuid().openapi({ description: "The plan revision now published with the trip." }),
    revision: z.number().int(),
    option: bookingOptionSchema,
    insteadOfVehicleId: z.string().nullable().openapi({
      description:
        "The vehicle chosen, when its room had gone and the trip went on another vehicle whose pick-up falls in the window told (`toldWindow`); null when it went on the vehicle chosen.",
    }),
    repeats: z
      .object({
        weekdays: z.array(z.enum(WEEKDAYS)),
        until: z.string(),
        termCalendarId: z.uuid().nullable(),
      })
      .nullable()
      .openapi({
        description:
          "For a repeating trip: its weekdays and last day. Later days' plans made after the booking take it from the register.",
      }),
    laterDays: z
      .array(
        z.object({
          date: z.string(),
          planId: z
            .uuid()
            .nullable()
            .openapi({ description: "The revision carrying it, when placed." }),
          revision: z.number().int().nullable(),
          vehicleId: z.string().nullable(),
          reason: z
            .string()
            .nullable()
            .openapi({ description: "Why it is not in that day's plan." }),
        }),
      )
      .openapi({
        description:
          "A repeating trip's later days that already had a published operating plan: each placed in it as a new revision (on the first day's vehicle where it fits), or why not.",
      }),
  })
  .openapi("Booked");
export type BookedView = z.infer<typeof bookedSchema>;

const common = { security: AUTHENTICATED } as const;

export const bookingOptionsRoute = createRoute({
  ...common,
  tags: ["Booking desk"],
  method: "post",
  path: "/api/bookings/options",
  summary: "Up to three places for a trip in the day's operating plan, cheapest first",
  description:
    "Checks the passenger's entitlement under the trip's regime and asks the engine where the trip fits in the published plan of its day, without moving anyone outside their windows. Nothing is stored but the audit row. Booking agents and commissioners.",
  request: {
    query: z.object({
      everyRun: z
        .enum(["true", "false"])
        .optional()
        .openapi({ description: "Try every vehicle, however far (slower)." }),
    }),
    body: { content: json(bookingBodySchema), required: true },
  },
  responses: {
    200: {
      description: "The options, or why there are none.",
      content: json(bookingOptionsSchema),
    },
    ...COMMON_ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
  },
});

export const bookRoute = createRoute({
  ...common,
  tags: ["Booking desk"],
  method: "post",
  path: "/api/bookings",
  summary: "Book the trip on the vehicle chosen: a new revision of the operating plan",
  description:
    "Stores the trip request as booked and the plan with the trip on the chosen vehicle as its next revision, published in its place, in one transaction. Refused (409) when the passenger is not entitled, there is no published plan, or the vehicle can no longer take the trip (ask for the options again).",
  request: { body: { content: json(bookBodySchema), required: true } },
  responses: {
    201: { description: "Booked.", content: json(bookedSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
  },
});

export const passengerStandingSchema = z
  .object({
    items: z.array(
      z.object({
        regime: z.string(),
        eligible: z.boolean(),
        assessedOn: z.string(),
        reviewDate: z.string(),
        reviewOverdue: z.boolean(),
      }),
    ),
  })
  .openapi("PassengerStanding", {
    description:
      "The latest decision under each regime: whether it allows travel and its review date. No reasons or summary.",
  });
export type PassengerStandingView = z.infer<typeof passengerStandingSchema>;

export const passengerStandingRoute = createRoute({
  ...common,
  tags: ["Booking desk"],
  method: "get",
  path: "/api/bookings/passengers/{id}/standing",
  summary: "The passenger's entitlement under each regime, as the desk may see it (audited)",
  request: { params: idParamSchema },
  responses: {
    200: { description: "By regime.", content: json(passengerStandingSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const cancellationBodySchema = named(cancellationInputSchema, "Cancellation");
export type CancellationBody = z.infer<typeof cancellationBodySchema>;

export const cancelledSchema = z
  .object({
    cancellation: z.object({
      id: z.uuid(),
      tripRequestId: z.uuid(),
      serviceDate: z.string(),
      reason: z.enum(CANCELLATION_REASON_CODES),
      reasonsVersion: z.string(),
      planId: z.uuid().nullable(),
      createdAt: z.string(),
    }),
    plan: z
      .object({ id: z.uuid(), revision: z.number().int() })
      .nullable()
      .openapi({ description: "The operating plan's revision without the trip, if it had it." }),
    offers: z
      .array(z.object({ tripRequestId: z.uuid(), vehicleId: z.string(), pickup: clock() }))
      .openapi({ description: "Trips of the day still without a place that fit the freed seat." }),
    returnLeg: z.object({ tripRequestId: z.uuid(), reference: z.string() }).nullable().openapi({
      description:
        "The trip's return journey that still travels that day, to offer cancelling it too; null when there is none.",
    }),
  })
  .openapi("Cancelled");
export type CancelledView = z.infer<typeof cancelledSchema>;

export const cancellationSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    reasonsVersion: z.string(),
    reasons: z
      .array(z.object({ code: z.string(), label: z.string(), by: z.string(), count: z.number() }))
      .openapi({ description: "Every reason of the list, with how many trips it cancelled." }),
    total: z.number().int(),
  })
  .openapi("CancellationSummary");
export type CancellationSummaryView = z.infer<typeof cancellationSummarySchema>;

export const cancelTripRoute = createRoute({
  ...common,
  tags: ["Booking desk"],
  method: "post",
  path: "/api/trip-requests/{id}/cancel",
  summary: "Cancel a trip for a day, with a reason from the list",
  description:
    "A one-off trip is cancelled; a recurring one misses that day only. If the day's operating plan carries the trip, it comes out of its run in a new revision, published in its place, and the trips still without a place that fit the freed seat are named.",
  request: {
    params: idParamSchema,
    body: { content: json(cancellationBodySchema), required: true },
  },
  responses: {
    200: { description: "Cancelled.", content: json(cancelledSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
    ...NOT_FOUND_RESPONSE,
  },
});

export const cancellationSummaryRoute = createRoute({
  ...common,
  tags: ["Booking desk"],
  method: "get",
  path: "/api/cancellations",
  summary: "Trips cancelled from one day to another, counted by reason",
  request: {
    query: z.object({ from: isoDateQuery(), to: isoDateQuery() }),
  },
  responses: {
    200: { description: "The counts.", content: json(cancellationSummarySchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

const handBackChangeSchema = z
  .object({
    contract: z.string().openapi({ description: "The reference of the contract handed back." }),
    moved: z.array(
      z.object({
        reference: z.string(),
        fromVehicle: z.string(),
        toVehicle: z.string(),
        pickupBefore: z.number(),
        pickupAfter: z.number(),
      }),
    ),
    unassigned: z.array(
      z.object({ reference: z.string(), reason: z.string(), message: z.string() }),
    ),
    costBeforePence: z.number().int(),
    costAfterPence: z.number().int(),
  })
  .openapi("HandBackChange", {
    description:
      "What a contract's hand-back changed in the plan: the trips moved to other runs (by reference, with their pick-ups before and after, minutes after midnight), those no other run could take and why, and what the plan's runs cost before and after.",
  });

export const planRevisionEntrySchema = z
  .object({
    id: z.uuid(),
    revision: z.number().int(),
    status: z.string(),
    createdAt: z.string(),
    kind: z.enum(["planned", "override", "booking", "cancellation", "hand-back"]),
    by: z.string().nullable().openapi({ description: "Who made the change." }),
    why: z
      .string()
      .nullable()
      .openapi({ description: "The planner's reason, the cancellation's, or the hand-back's." }),
    tripRequestId: z.string().nullable(),
    vehicles: z.array(z.string()).openapi({ description: "Vehicles whose runs it touched." }),
    handBack: handBackChangeSchema.optional(),
  })
  .openapi("PlanRevisionEntry");
export type PlanRevisionEntryView = z.infer<typeof planRevisionEntrySchema>;

export const planRevisionsRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "get",
  path: "/api/plans/{id}/revisions",
  summary: "The plan's revisions, newest first: when, who, what kind of change, why, which runs",
  description:
    "Every plan of the chain the plan is in (the plan the engine made, then each override, booking and cancellation), at most the latest 100. Roles that read plans and trip requests.",
  request: { params: idParamSchema },
  responses: {
    200: {
      description: "The revisions.",
      content: json(z.object({ items: z.array(planRevisionEntrySchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

const changedRunSchema = planRunSchema.nullable();

export const planChangesRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "get",
  path: "/api/plans/{id}/changes",
  summary: "The runs this revision changed, as they were and as they are",
  request: { params: idParamSchema },
  responses: {
    200: {
      description: "Each changed run, by vehicle (before null: a new run; after null: a run gone).",
      content: json(
        z.object({
          revisedFrom: z.uuid().nullable(),
          runs: z.array(
            z.object({ vehicleId: z.string(), before: changedRunSchema, after: changedRunSchema }),
          ),
        }),
      ),
    },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
