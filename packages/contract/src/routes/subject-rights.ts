import { createRoute, z } from "@hono/zod-openapi";
import { erasureInputSchema, retentionInputSchema } from "@tt/domain";
import { idParamSchema, purposeHeaderSchema } from "../common";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { API_RESOURCES } from "../resources";
import { storedEntitlementDecisionSchema } from "./entitlement";
import { jobAcceptedSchema } from "./jobs";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const common = { security: AUTHENTICATED, tags: ["Data subjects' rights"] };
const errors = { ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE } as const;

export const plannedStopSchema = z
  .object({
    planId: z.uuid(),
    planName: z.string(),
    serviceDate: z.string().openapi({ format: "date" }),
    planStatus: z.string(),
    vehicleId: z.uuid().nullable(),
    tripRequestId: z.uuid(),
    kind: z.enum(["pickup", "dropoff"]),
    arrival: z.number().openapi({ description: "Minutes after midnight." }),
    departure: z.number(),
    heldBy: z.string().openapi({
      description: "Who holds the plan: the organisation, or a partnership it is a member of.",
    }),
  })
  .openapi("PlannedStop");

export const accessRecordSchema = z
  .object({
    at: z.string().openapi({ format: "date-time" }),
    action: z.string(),
    user: z.string().nullable().openapi({ description: "E-mail address; null for the system." }),
    organisation: z.string().nullable(),
    purpose: z.string(),
    agreementReference: z.string().nullable(),
  })
  .openapi("AccessRecord");

export const subjectAccessExportSchema = z
  .object({
    generatedAt: z.string().openapi({ format: "date-time" }),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    passenger: API_RESOURCES.passengers.record,
    erasedAt: z.string().optional().openapi({ format: "date-time" }),
    tripRequests: z.array(API_RESOURCES.tripRequests.record),
    cancellations: z.array(
      z.object({
        id: z.uuid(),
        tripRequestId: z.uuid(),
        serviceDate: z.string(),
        reason: z.string(),
        reasonsVersion: z.string(),
        planId: z.uuid().nullable(),
        createdAt: z.string(),
      }),
    ),
    journeyEvents: z.array(
      z.object({
        id: z.uuid(),
        serviceDate: z.string(),
        tripRequestId: z.uuid(),
        stop: z.enum(["pickup", "dropoff"]),
        kind: z.enum(["arrived", "picked-up", "dropped-off", "no-show"]),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
    taps: z.array(
      z.object({
        serviceDate: z.string(),
        vehicleId: z.string(),
        stop: z.string(),
        time: z.string(),
      }),
    ),
    entitlementDecisions: z.array(storedEntitlementDecisionSchema),
    plannedJourneys: z.array(plannedStopSchema),
    access: z.array(accessRecordSchema),
    sharedWith: z.array(z.object({ organisation: z.string(), agreement: z.string() })),
  })
  .openapi("SubjectAccessExport");
export type SubjectAccessExportBody = z.infer<typeof subjectAccessExportSchema>;

export const subjectAccessQuerySchema = z.object({
  format: z
    .enum(["json", "html"])
    .default("json")
    .openapi({ description: "html: a readable page to send to the person." }),
});

/** The erasure request as the domain checks it: a ground and a request reference, no free text. */
export const erasureBodySchema = erasureInputSchema;

export const erasureResultSchema = z
  .object({
    passengerId: z.uuid(),
    reference: z.string().openapi({ description: "The pseudonym the record keeps." }),
    erasedAt: z.string().openapi({ format: "date-time" }),
    passengers: z.number().int(),
    travelWithLists: z.number().int(),
    tripRequestsCancelled: z.number().int(),
    entitlementDecisions: z.number().int(),
  })
  .openapi("ErasureResult");

export const subjectAccessRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/passengers/{id}/subject-access",
  summary:
    "Everything held about a passenger and who has seen it (subject access, UK GDPR Article 15; audited)",
  request: { params: idParamSchema, query: subjectAccessQuerySchema, headers: purposeHeaderSchema },
  responses: {
    200: {
      description: "The export, as JSON or as a readable page.",
      content: {
        ...json(subjectAccessExportSchema),
        "text/html": { schema: z.string() },
      },
    },
    ...errors,
  },
});

export const erasePassengerRoute = createRoute({
  ...common,
  method: "post",
  path: "/api/passengers/{id}/erasure",
  summary:
    "Erase a passenger's personal data (UK GDPR Article 17): plans, costs and the audit chain stay, pseudonymised",
  request: {
    params: idParamSchema,
    body: { required: true, content: json(erasureBodySchema) },
  },
  responses: {
    200: { description: "What was erased.", content: json(erasureResultSchema) },
    ...errors,
    ...CONFLICT_RESPONSE,
  },
});

/** A retention run as the domain checks it: a dry run unless `dryRun` is false. */
export const retentionBodySchema = retentionInputSchema;

export const startRetentionRoute = createRoute({
  ...common,
  method: "post",
  path: "/api/retention",
  summary:
    "Run the retention schedule for your organisation as a job (a dry run unless dryRun is false); its report is the job's result",
  request: { body: { required: true, content: json(retentionBodySchema) } },
  responses: {
    202: {
      description: "The job started; follow it at /api/jobs/{id}.",
      content: json(jobAcceptedSchema),
    },
    ...COMMON_ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
  },
});
