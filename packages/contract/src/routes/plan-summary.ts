import { z } from "@hono/zod-openapi";

const pounds = () => z.number().openapi({ description: "Pounds, rounded to pence." });

export const planCostSummarySchema = z
  .object({ total: pounds(), fixed: pounds(), distance: pounds(), time: pounds() })
  .openapi("PlanCostSummary", {
    description: "What the plan's runs cost, pounds (penalties of unserved requests left out).",
  });

export const planSummaryIssueSchema = z
  .object({
    kind: z.string().openapi({ example: "missing-place" }),
    message: z.string(),
    tripRequestId: z.string().optional(),
    vehicleId: z.string().optional(),
  })
  .openapi("PlanSummaryIssue", {
    description: "Part of the register that could not be planned as it stands.",
  });

export const planPoolSchema = z
  .object({
    members: z.array(
      z.object({
        organisation: z.string().openapi({ example: "Cambridgeshire County Council" }),
        agreement: z.string().openapi({ example: "TFC-DSA-003" }),
      }),
    ),
    leftOut: z.array(
      z.object({
        organisation: z.string(),
        reason: z.string().openapi({
          example:
            "no active agreement shares its data with the partnership for integrated planning",
        }),
      }),
    ),
  })
  .openapi("PlanPool", {
    description:
      "A partnership's plan: the members whose demand and fleets it pooled, each under its integrated-planning agreement, and the members left out with the reason.",
  });

export const planSummarySchema = z
  .object({
    date: z.string().openapi({ example: "2026-11-24", format: "date" }),
    seed: z.number().int(),
    timeLimitSeconds: z.number().optional(),
    iterations: z.number().int().optional(),
    seconds: z.number().openapi({ description: "How long the solve took, seconds." }),
    travelTimes: z.string().openapi({ description: "The travel-time provider." }),
    thread: z.string().openapi({
      description: 'Where the engine ran: "worker-thread", or "main-thread" with `fallback`.',
    }),
    fallback: z.string().optional(),
    mixingPolicy: z.string().optional().openapi({
      description: "The mixing policy the plan keeps to (its partnerships'), if any.",
    }),
    pool: planPoolSchema.optional(),
    requests: z.number().int().openapi({ description: "Trip requests travelling that day." }),
    assigned: z.number().int(),
    unassigned: z.number().int(),
    unassignedByReason: z.record(z.string(), z.number().int()).openapi({
      description: "Unassigned requests by reason (`no-room`, `not-planned`, …).",
      example: { "no-room": 3, "not-planned": 1 },
    }),
    vehiclesAvailable: z.number().int(),
    vehiclesUsed: z.number().int(),
    cost: planCostSummarySchema,
    distanceKm: z.number(),
    solverIterations: z.number().int(),
    issueCount: z.number().int().openapi({ description: "Mapping issues; `issues` lists 50." }),
    issues: z.array(planSummaryIssueSchema),
    problemKept: z.boolean().openapi({
      description: "Whether the Problem was kept, so that changes can be checked against it.",
    }),
    violations: z.number().int().optional().openapi({
      description: "Rules the revision breaks, as the planner accepted them (revisions only).",
    }),
  })
  .openapi("PlanSummary", {
    description:
      "The figures people look at first and the facts of the solve; a revision keeps its original's facts and recounts the figures.",
  });
export type PlanSummaryView = z.infer<typeof planSummarySchema>;
