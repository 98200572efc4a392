import { createRoute, z } from "@hono/zod-openapi";
import { isIsoDate } from "@tt/domain";
import { idParamSchema, pageQueryShape, pageSchema } from "../common";
import { COMMON_ERROR_RESPONSES, NOT_FOUND_RESPONSE } from "../errors";
import { jobAcceptedSchema } from "./jobs";
import { planSummarySchema } from "./plan-summary";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/**
 * A calendar date that exists, checked by the domain's own `isIsoDate` (as `isoDateSchema` does):
 * "2026-13-45" is refused (422), never sent to the database.
 */
const serviceDate = () =>
  z
    .string()
    .refine(isIsoDate, { message: 'expected a date "YYYY-MM-DD" that exists, e.g. "2026-11-24"' })
    .openapi({ example: "2026-11-24", format: "date" });

export const startPlanBodySchema = z
  .object({
    date: serviceDate(),
    timeLimitSeconds: z.number().int().min(1).max(600).optional().openapi({ example: 30 }),
    seed: z.number().int().min(0).max(4_294_967_295).optional().openapi({ example: 1 }),
    iterations: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .openapi({ description: "An iteration budget: with a seed, the same plan every time." }),
  })
  .openapi("StartPlan");
export type StartPlanBody = z.infer<typeof startPlanBodySchema>;

const stopTimes = {
  location: z.number().int(),
  arrival: z.number().openapi({ description: "Minutes after midnight." }),
  start: z.number(),
  departure: z.number(),
  load: z
    .array(z.number())
    .openapi({ description: "On board after the stop: [seats, wheelchairs]." }),
};

export const planStopSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("pickup"), tripRequestId: z.string(), ...stopTimes }),
    z.object({ kind: z.literal("dropoff"), tripRequestId: z.string(), ...stopTimes }),
    z.object({ kind: z.literal("break"), breakId: z.string(), ...stopTimes }),
  ])
  .openapi("PlanStop", {
    description:
      "A pick-up or drop-off of a trip request (never the passenger), or a driver's break by the vehicle's break rule.",
  });
export type PlanStopView = z.infer<typeof planStopSchema>;

export const planRunSchema = z
  .object({
    id: z.uuid(),
    vehicleId: z.string(),
    layout: z.number().int(),
    stops: z.array(planStopSchema),
    distanceMetres: z.number().int(),
    durationSeconds: z.number().int(),
    costPence: z.number().int(),
  })
  .openapi("PlanRun");
export type PlanRunView = z.infer<typeof planRunSchema>;

const planHeaderShape = {
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  serviceDate: z.string(),
  status: z.string(),
  summary: planSummarySchema,
  createdAt: z.string().openapi({ format: "date-time" }),
  revision: z.number().int().openapi({
    description: "1 for a plan from the engine; each planner's override adds a revision.",
  }),
  revisedFrom: z
    .uuid()
    .nullable()
    .openapi({ description: "The plan this revision was made from." }),
};

export const planHeaderSchema = z.object(planHeaderShape).openapi("PlanHeader");
export type PlanHeaderView = z.infer<typeof planHeaderSchema>;

export const planSchema = z
  .object({
    ...planHeaderShape,
    unassigned: z.array(
      z.object({ tripRequestId: z.string(), reason: z.string(), message: z.string() }),
    ),
    runs: z.array(planRunSchema),
  })
  .openapi("Plan");
export type PlanView = z.infer<typeof planSchema>;

export const planPageSchema = pageSchema(planHeaderSchema, "PlanPage");

export const planListQuerySchema = z.object({
  ...pageQueryShape,
  serviceDate: serviceDate().optional(),
});

const common = { security: AUTHENTICATED } as const;
const errors = { ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE };

export const startPlanRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "post",
  path: "/api/plans",
  summary: "Plan a day's demand from the register, as a job",
  request: { body: { required: true, content: json(startPlanBodySchema) } },
  responses: {
    202: {
      description: "The job started; follow it at /api/jobs/{id}.",
      content: json(jobAcceptedSchema),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const listPlansRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "get",
  path: "/api/plans",
  summary: "List stored plans, newest first",
  request: { query: planListQuerySchema },
  responses: {
    200: { description: "A page of plans (without runs).", content: json(planPageSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const getPlanRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "get",
  path: "/api/plans/{id}",
  summary: "A plan with its runs; stops name trip requests, never passengers",
  request: { params: idParamSchema },
  responses: { 200: { description: "The plan.", content: json(planSchema) }, ...errors },
});

const memberPlanTripSchema = z
  .object({
    tripRequestId: z.uuid(),
    reference: z.string().nullable().openapi({
      description: "Your reference for the trip; null for roles that may not read passengers.",
    }),
    vehicleReference: z.string().nullable(),
    pickup: z.number().openapi({ description: "Minutes after midnight the pick-up starts." }),
    dropoff: z.number().openapi({ description: "Minutes after midnight the drop-off ends." }),
    cost: z.number().openapi({
      description: "Pounds: the run's cost split among its trips by minutes on board.",
    }),
  })
  .openapi("MemberPlanTrip");

export const memberPlanSchema = z
  .object({
    planId: z.uuid(),
    partnership: z.string(),
    serviceDate: z.string().openapi({ format: "date" }),
    revision: z.number().int(),
    createdAt: z.string(),
    trips: z.array(memberPlanTripSchema),
    unassigned: z.array(
      z.object({ tripRequestId: z.uuid(), reference: z.string().nullable(), reason: z.string() }),
    ),
    cost: z.number().openapi({ description: "Your part of the plan's cost, pounds." }),
    planCost: z.number().openapi({ description: "The plan's cost for every member, pounds." }),
    planTrips: z.number().int().openapi({ description: "Trips the plan carries in all." }),
  })
  .openapi("MemberPlan", {
    description:
      "Your organisation's part of a partnership's day plan: your trips only (other members' trips are counted, never listed).",
  });

export type MemberPlanView = z.infer<typeof memberPlanSchema>;

export const memberPlansRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "get",
  path: "/api/partnership-plans",
  summary: "Your organisation's trips in its partnerships' plans of a day, with their cost",
  description:
    "For those who see the budgets (finance, commissioners, administrators). Each plan of the day (newest 20 per partnership) that carries your trips: on which vehicle, when, and each trip's part of its run's cost.",
  request: {
    query: z.object({ date: serviceDate() }),
  },
  responses: {
    200: {
      description: "Newest first, per partnership.",
      content: json(z.object({ items: z.array(memberPlanSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const publishPlanRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "post",
  path: "/api/plans/{id}/publish",
  summary:
    "Publish the plan as the operating plan of its day (the one published before is superseded)",
  description:
    "Only a plan's latest revision. Refused (409, each clash listed) when a run uses a vehicle while another organisation's published plan of the day runs it: a vehicle granted to two organisations is in one run at a time. A change saved to the published plan is published with it.",
  request: { params: idParamSchema },
  responses: {
    200: {
      description: "The plan, now published, and the plans it superseded.",
      content: json(z.object({ plan: planHeaderSchema, superseded: z.array(z.uuid()) })),
    },
    ...errors,
  },
});

export const withdrawPlanRoute = createRoute({
  ...common,
  tags: ["Plans"],
  method: "post",
  path: "/api/plans/{id}/withdraw",
  summary: "Withdraw the published plan: a draft again, and its vehicles free for the day",
  request: { params: idParamSchema },
  responses: {
    200: { description: "The plan, a draft again.", content: json(planHeaderSchema) },
    ...errors,
  },
});
