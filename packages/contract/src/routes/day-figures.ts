import { createRoute, z } from "@hono/zod-openapi";
import { COMMON_ERROR_RESPONSES, PAYLOAD_TOO_LARGE_RESPONSE } from "../errors";
import { common, json, tags } from "./operations-shared";

export const tapImportReportSchema = z
  .object({
    rows: z.number().int(),
    stored: z.number().int(),
    duplicates: z.number().int().openapi({ description: "Taps already held: stored once." }),
    withPassenger: z
      .number()
      .int()
      .openapi({ description: "Taps whose card is a passenger's reference." }),
    vehicles: z.number().int(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  })
  .openapi("TapImportReport");
export type TapImportReportView = z.infer<typeof tapImportReportSchema>;

export const importTapsRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/taps/import",
  summary: "Import smartcard taps or attendance from CSV (all or nothing)",
  description:
    "Columns `date,card,vehicle,stop,time`: the day, the card number (or the passenger's reference), the vehicle's reference, the stop and the time of the tap. A file with any bad row stores nothing; the 422 answer lists every problem by row. A tap already held is stored once. Up to 250,000 rows.",
  request: {
    body: {
      required: true,
      content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
    },
  },
  responses: {
    201: {
      description: "Every row was stored (or was already held).",
      content: json(tapImportReportSchema),
    },
    ...COMMON_ERROR_RESPONSES,
    ...PAYLOAD_TOO_LARGE_RESPONSE,
  },
});

const weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);

export const occupancySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    percentile: z.number().int(),
    rows: z.array(
      z.object({
        vehicleId: z.string(),
        vehicleReference: z.string(),
        weekday,
        seats: z.number().int(),
        plannedTravellers: z.number().int().nullable(),
        daysObserved: z.number().int(),
        observedMean: z.number(),
        observedMax: z.number().int(),
        observedAtPercentile: z.number().int(),
        suggestedSeats: z.number().int(),
      }),
    ),
    uncovered: z.array(
      z.object({
        vehicleId: z.string(),
        vehicleReference: z.string(),
        weekday,
        plannedTravellers: z.number().int(),
      }),
    ),
    sweeperSeats: z.number().int().nullable().openapi({
      description: "Seats of a sweeper vehicle for the planned runs no tap covers yet.",
    }),
    reviewCandidates: z.array(z.object({ id: z.uuid(), reference: z.string() })),
  })
  .openapi("Occupancy");
export type OccupancyView = z.infer<typeof occupancySchema>;

export const occupancyRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/occupancy",
  summary:
    "Observed occupancy per vehicle and weekday against the plans, and the seats to plan for",
  request: {
    query: z.object({
      from: z.string().openapi({ format: "date", example: "2026-09-07" }),
      to: z.string().openapi({ format: "date", example: "2026-10-16" }),
      percentile: z.string().optional().openapi({ description: "50 to 100; 85 by default." }),
    }),
  },
  responses: {
    200: { description: "The occupancy.", content: json(occupancySchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

const journeyFiguresSchema = z.object({
  key: z.string(),
  journeys: z.number().int(),
  completed: z.number().int(),
  timed: z
    .number()
    .int()
    .openapi({ description: "Journeys with a pick-up time marked on the day." }),
  onTime: z.number().int(),
  onTimeRate: z.number().nullable(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  overRideLimit: z.number().int().openapi({ description: "Rides longer than their rule's limit." }),
});

export const completedJourneySchema = z
  .object({
    date: z.string(),
    tripReference: z.string(),
    service: z.string(),
    operator: z.string(),
    vehicleReference: z.string().nullable(),
    plannedPickup: z.string().nullable(),
    actualPickup: z.string().nullable(),
    minutesLate: z.number().nullable(),
    plannedDropoff: z.string().nullable(),
    actualDropoff: z.string().nullable(),
    rideMinutes: z.number().nullable(),
    maxRideMinutes: z.number(),
    outcome: z.enum(["completed", "no-show", "cancelled", "on-board", "not-recorded"]),
    reason: z.string().nullable(),
  })
  .openapi("CompletedJourney");

export const journeyReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    total: journeyFiguresSchema,
    byService: z.array(journeyFiguresSchema),
    byOperator: z.array(journeyFiguresSchema),
    noShows: z.object({ byReason: z.record(z.string(), z.number()), rate: z.number().nullable() }),
    nepts: z.object({
      journeys: z.number().int(),
      missed: z.number().int(),
      missedByReason: z.record(z.string(), z.number()),
    }),
    journeys: z.array(completedJourneySchema),
    journeysListed: z.number().int(),
    journeysTotal: z.number().int(),
  })
  .openapi("JourneyReport");
export type JourneyReportView = z.infer<typeof journeyReportSchema>;

const periodQuery = () =>
  z.object({
    from: z.string().openapi({ format: "date", example: "2026-11-23" }),
    to: z.string().openapi({ format: "date", example: "2026-11-27" }),
  });

export const journeyReportRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/journeys",
  summary: "Completed journeys of a period and their figures",
  description:
    "Each planned journey of the operating plans with the times marked on the road, and the trips cancelled: on-time rates per service and per operator, rides over their limit, no-shows by reason, NEPTS missed appointments. At most 31 days; the first 500 journeys listed (the CSV export has them all).",
  request: { query: periodQuery() },
  responses: {
    200: { description: "The figures.", content: json(journeyReportSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const journeyExportRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/journeys/export",
  summary: "Completed journeys of a period as CSV, one row each",
  request: { query: periodQuery() },
  responses: {
    200: {
      description: "The file.",
      content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...COMMON_ERROR_RESPONSES,
  },
});
