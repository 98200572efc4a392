import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema } from "../common";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const jobAcceptedSchema = z.object({ jobId: z.uuid() }).openapi("JobAccepted");

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

export const jobErrorSchema = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .openapi("JobError");

export const jobSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({ example: "day-plan" }),
    status: z.enum(JOB_STATUSES).openapi({
      description:
        "queued (waiting its turn: organisations take turns), running, then succeeded, failed or cancelled.",
    }),
    progress: z.number().int().min(0).max(100).openapi({
      description: "Percent done. For a day plan: the share of the time budget used, then 100.",
    }),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: jobErrorSchema.nullable(),
    cancelRequested: z
      .boolean()
      .openapi({ description: "A cancel was asked for; it stops within a second." }),
    attempts: z.number().int().min(0).openapi({
      description: "How many times a worker took the job (more than 1 when a worker stopped).",
    }),
    createdAt: z.string().openapi({ format: "date-time" }),
    finishedAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Job");
export type JobView = z.infer<typeof jobSchema>;

const common = { security: AUTHENTICATED, tags: ["Jobs"] };
const errors = { ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE };

export const getJobRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/jobs/{id}",
  summary: "A job's status, progress and result",
  request: { params: idParamSchema },
  responses: { 200: { description: "The job.", content: json(jobSchema) }, ...errors },
});

export const jobEventsRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/jobs/{id}/events",
  summary: "Server-sent events: `progress` with the job while it runs, then `done`",
  request: { params: idParamSchema },
  responses: {
    200: {
      description: "An event stream; each event's data is the job as JSON.",
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...errors,
  },
});

export const cancelJobRoute = createRoute({
  ...common,
  method: "post",
  path: "/api/jobs/{id}/cancel",
  summary: "Stop a job: a queued one at once, a running one within a second, wherever it runs",
  request: { params: idParamSchema },
  responses: {
    200: { description: "The job as it now stands.", content: json(jobSchema) },
    ...errors,
    ...CONFLICT_RESPONSE,
  },
});

export const retryJobRoute = createRoute({
  ...common,
  method: "post",
  path: "/api/jobs/{id}/retry",
  summary: "Start a failed or cancelled job again, as a new job with the same request",
  request: { params: idParamSchema },
  responses: {
    202: {
      description: "The new job; follow it at /api/jobs/{id}.",
      content: json(jobAcceptedSchema),
    },
    ...errors,
    ...CONFLICT_RESPONSE,
  },
});
