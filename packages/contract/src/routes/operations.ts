import { createRoute, z } from "@hono/zod-openapi";
import { NO_SHOW_REASON_CODES, runEventUploadSchema } from "../domain";
import { COMMON_ERROR_RESPONSES } from "../errors";
import { named } from "../resources";
import { common, dateQuery, json, tags } from "./operations-shared";

export const driverStopSchema = z
  .object({
    position: z.number().int(),
    time: z.string().openapi({ description: "Planned time, HH:MM.", example: "08:12" }),
    kind: z.enum(["pickup", "dropoff", "break"]),
    tripRequestId: z.string().nullable(),
    place: z
      .object({
        kind: z.enum(["home", "place"]),
        name: z.string(),
        address: z.string().nullable(),
        postcode: z.string().nullable(),
      })
      .nullable(),
    passenger: z
      .string()
      .nullable()
      .openapi({ description: "Given name and the family name's initial.", example: "Amira K." }),
    needs: z
      .object({
        wheelchair: z.boolean(),
        passengerAssistant: z.boolean(),
        doorThroughDoor: z.boolean(),
      })
      .nullable(),
    notes: z.array(z.string()).openapi({ description: "The needs that matter on the road." }),
    notWith: z
      .array(z.string())
      .openapi({ description: "Passengers on this run they may not sit with." }),
    progress: z
      .object({
        arrivedAt: z.string().nullable(),
        outcome: z.enum(["picked-up", "dropped-off", "no-show"]).nullable(),
        outcomeAt: z.string().nullable(),
        reason: z.enum(NO_SHOW_REASON_CODES).nullable(),
      })
      .nullable(),
  })
  .openapi("DriverStop");

export const driverRunSchema = z
  .object({
    planId: z.uuid(),
    revision: z.number().int(),
    serviceDate: z.string(),
    vehicle: z.object({ id: z.string(), reference: z.string(), kind: z.string() }),
    passengerAssistant: z.boolean(),
    forOrganisation: z.string().nullable().openapi({
      description:
        "The organisation whose run it is, when the vehicle is granted to it for the day; null for the driver's own organisation's runs.",
    }),
    stops: z.array(driverStopSchema),
  })
  .openapi("DriverRun");

export const withheldRunsSchema = z
  .object({
    organisationId: z.uuid(),
    organisationName: z.string(),
    vehicleIds: z.array(z.string()),
    reason: z.string(),
  })
  .openapi("WithheldRuns", {
    description:
      "Another organisation's runs on the crew's vehicles that no agreement for operating runs lets the phone show.",
  });

export const driverDaySchema = z
  .object({
    serviceDate: z.string(),
    published: z.boolean().openapi({ description: "False until the day's plan is published." }),
    runs: z.array(driverRunSchema),
    withheld: z.array(withheldRunsSchema),
  })
  .openapi("DriverDay");
export type DriverDayView = z.infer<typeof driverDaySchema>;
export type DriverRunView = DriverDayView["runs"][number];
export type DriverStopView = DriverRunView["stops"][number];

export const driverDayRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/driver/runs",
  summary: "The runs the signed-in driver or assistant crews on a day, as their phone shows them",
  description:
    "The day's operating plan cut down to the runs the user's staff record crews (a fleet manager: their operator's vehicles): pick-up points, given names, the needs that matter on the road, and what has been marked. Every read is audited.",
  // The date is checked by the service, after the role: planners are refused before their input.
  request: {
    query: z.object({
      date: z.string().max(20).openapi({ example: "2026-11-24", format: "date" }),
    }),
  },
  responses: {
    200: { description: "The runs.", content: json(driverDaySchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const runEventUploadBodySchema = named(runEventUploadSchema, "RunEventUpload");
export type RunEventUploadBody = z.infer<typeof runEventUploadBodySchema>;

export const recordedUploadSchema = z
  .object({
    recorded: z.number().int(),
    duplicates: z.number().int().openapi({ description: "Events already recorded (sent again)." }),
    refused: z.array(z.object({ index: z.number().int(), id: z.string(), message: z.string() })),
  })
  .openapi("RecordedUpload");
export type RecordedUploadView = z.infer<typeof recordedUploadSchema>;

export const recordRunEventsRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/run-events",
  summary: "Record what was marked at stops: arrived, picked up, dropped off, no-show",
  description:
    "Events made on a phone, each with its own id: an event sent again is recorded once. A badly formed upload is refused whole (422); an event not on the user's runs of the operating plan is refused alone, with its reason, and the rest are recorded.",
  request: { body: { content: json(runEventUploadBodySchema), required: true } },
  responses: {
    200: { description: "What was recorded.", content: json(recordedUploadSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const boardRunSchema = z
  .object({
    vehicleId: z.string(),
    vehicleReference: z.string(),
    from: z.string(),
    to: z.string(),
    stops: z.number().int(),
    done: z.number().int(),
    state: z.enum(["not-started", "under-way", "finished"]),
    next: z.string().nullable(),
    lateMinutes: z.number().nullable(),
    noShows: z.number().int(),
    forOrganisation: z.string().nullable().openapi({
      description:
        "The organisation whose run it is, when the vehicle is granted to it for the day (its progress only; its exceptions are on its own board).",
    }),
  })
  .openapi("BoardRun");

export const boardExceptionSchema = z
  .object({
    kind: z.enum(["late", "no-show", "cancelled"]),
    tripReference: z.string(),
    vehicleReference: z.string().nullable(),
    planned: z.string().nullable(),
    minutesLate: z.number().nullable(),
    reason: z.string().nullable(),
  })
  .openapi("BoardException");

export const statusBoardSchema = z
  .object({
    serviceDate: z.string(),
    planId: z.uuid().nullable(),
    revision: z.number().int().nullable(),
    runs: z.array(boardRunSchema),
    exceptions: z.array(boardExceptionSchema),
    totals: z.object({
      runs: z.number().int(),
      underWay: z.number().int(),
      finished: z.number().int(),
      noShows: z.number().int(),
      late: z.number().int(),
      cancelled: z.number().int(),
    }),
  })
  .openapi("StatusBoard");
export type StatusBoardView = z.infer<typeof statusBoardSchema>;

export const statusBoardRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/status-board",
  summary: "The day's runs with their progress and exceptions (late, no-show, cancelled)",
  request: { query: dateQuery() },
  responses: {
    200: { description: "The board.", content: json(statusBoardSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const statusBoardEventsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/status-board/events",
  summary: "Server-sent events: `board` with the day's board whenever it changes",
  description:
    "Read from the database, so a mark recorded by any server process reaches every board. The stream closes after five minutes (the session is checked when a stream opens); the page opens it again.",
  request: { query: dateQuery() },
  responses: {
    200: {
      description: "An event stream; each event's data is the board as JSON.",
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...COMMON_ERROR_RESPONSES,
  },
});
