import { createRoute, z } from "@hono/zod-openapi";
import { purposeHeaderSchema } from "../common";
import { COMMON_ERROR_RESPONSES, errorBodySchema, NOT_FOUND_RESPONSE } from "../errors";
import { planRunSchema, planSchema } from "./plans";
import { manifestSchema } from "./run-manifest";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const id = () => z.string().min(1).max(100);

export const editedStopSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("pickup"), tripRequestId: id() }),
    z.object({ kind: z.literal("dropoff"), tripRequestId: id() }),
    z.object({ kind: z.literal("break"), breakId: id() }),
  ])
  .openapi("EditedStop", {
    description:
      "A pick-up or drop-off of a trip request, or a driver's break. Times are not sent: the engine schedules.",
  });

export const editedRunSchema = z
  .object({
    vehicleId: id(),
    layout: z.number().int().min(0).optional().openapi({
      description: "Index of the vehicle's layout; omitted = the first layout that fits.",
    }),
    stops: z.array(editedStopSchema).max(2000),
  })
  .openapi("EditedRun");

export const moveSchema = z
  .object({
    request: id().openapi({ description: "The trip request to move (in a run or unassigned)." }),
    toVehicle: id().openapi({
      description: "The vehicle whose run takes it (it may have none yet).",
    }),
    position: z
      .object({ pickup: z.number().int().min(0), dropoff: z.number().int().min(0) })
      .optional()
      .openapi({
        description:
          "Positions in the target run's stop list (breaks included) after the request's own stops are taken out: the pick-up goes before the stop now at `pickup`, the drop-off before the stop now at `dropoff` (equal: straight after the pick-up; the list's length: at the end). Omitted: the engine's cheapest position that keeps every rule.",
        example: { pickup: 0, dropoff: 2 },
      }),
  })
  .openapi("MoveRequest");

const changeShape = {
  move: moveSchema.optional(),
  runs: z.array(editedRunSchema).max(1000).optional().openapi({
    description: "The whole edited plan: every run; requests in no run are left unassigned.",
  }),
};

type ChangeFields = { move?: unknown; runs?: unknown };
const exactlyOneChange = (body: ChangeFields, ctx: z.RefinementCtx) => {
  if ((body.move === undefined) === (body.runs === undefined)) {
    ctx.addIssue({ code: "custom", path: ["move"], message: 'send either "move" or "runs"' });
  }
};

export const planChangeBodySchema = z
  .object(changeShape)
  .superRefine(exactlyOneChange)
  .openapi("PlanChange", { description: 'One of "move" or "runs".' });
export type PlanChangeBody = z.infer<typeof planChangeBodySchema>;

export const savePlanRunsBodySchema = z
  .object({
    ...changeShape,
    reason: z.string().trim().max(500).optional().openapi({
      description: "Why the plan was changed; kept in the audit log.",
      example: "Parent asked for the same driver both ways",
    }),
    acceptViolations: z.boolean().optional().openapi({
      description: "Must be true to save a plan that breaks rules; else 409 lists them.",
    }),
  })
  .superRefine(exactlyOneChange)
  .openapi("SavePlanRuns");
export type SavePlanRunsBody = z.infer<typeof savePlanRunsBodySchema>;

export const costBreakdownSchema = z
  .object({
    fixed: z.number(),
    distance: z.number(),
    time: z.number(),
    unserved: z
      .number()
      .openapi({ description: "Penalties of unserved requests (a weight, not money)." }),
    total: z.number(),
  })
  .openapi("CostBreakdown", { description: "Pounds, as evaluate() scores the plan." });

export const violationSchema = z
  .object({
    constraint: z.string().openapi({ example: "time-window" }),
    vehicle: z.string().optional(),
    requests: z.array(z.string()),
    stops: z
      .array(z.number().int())
      .openapi({ description: "Stop positions in the run, 0-based." }),
    amount: z.number().openapi({ description: "How far the limit is exceeded (minutes, seats…)." }),
    message: z.string(),
  })
  .openapi("Violation");

export const planCheckSchema = z
  .object({
    cost: costBreakdownSchema,
    violations: z.array(violationSchema),
    unserved: z.array(z.string()),
  })
  .openapi("PlanCheck");

export const costChangeSchema = z
  .object({
    total: z.number(),
    fixed: z.number(),
    distance: z.number(),
    time: z.number(),
    unserved: z.number(),
  })
  .openapi("CostChange", { description: "After minus before, pounds, not rounded." });

const movedSchema = z.object({
  tripRequestId: z.string(),
  fromVehicle: z.string().nullable(),
  toVehicle: z.string().nullable(),
});

export const planChangeEvaluationSchema = z
  .object({
    before: planCheckSchema,
    after: planCheckSchema,
    change: costChangeSchema,
    runs: z.array(planRunSchema.omit({ id: true })).openapi({
      description: "Every run of the proposed plan, with its schedule.",
    }),
    changedRuns: z.array(z.string()).openapi({ description: "Vehicles whose run changes." }),
    moved: z.array(movedSchema),
  })
  .openapi("PlanChangeEvaluation");
export type PlanChangeEvaluationView = z.infer<typeof planChangeEvaluationSchema>;

export const planRevisionSchema = z
  .object({
    plan: planSchema,
    change: costChangeSchema,
    acceptedViolations: z.array(violationSchema),
    moved: z.array(movedSchema),
  })
  .openapi("PlanRevision");
export type PlanRevisionView = z.infer<typeof planRevisionSchema>;

const planParams = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});
const runParams = planParams.extend({
  vehicleId: z.string().openapi({ param: { name: "vehicleId", in: "path" }, format: "uuid" }),
});

const common = { security: AUTHENTICATED } as const;
const tags = ["Plan overrides"];
const errors = { ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE } as const;

export const evaluatePlanChangeRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/plans/{id}/evaluate",
  summary: "Cost and violations of a proposed change, before and after; nothing is saved",
  request: { params: planParams, body: { required: true, content: json(planChangeBodySchema) } },
  responses: {
    200: {
      description: "The change as evaluate() scores it.",
      content: json(planChangeEvaluationSchema),
    },
    409: { description: "The plan's Problem was not kept.", content: json(errorBodySchema) },
    ...errors,
  },
});

export const savePlanRunsRoute = createRoute({
  ...common,
  tags,
  method: "put",
  path: "/api/plans/{id}/runs",
  summary: "Save a planner's override as a new revision of the plan (the original is kept)",
  request: { params: planParams, body: { required: true, content: json(savePlanRunsBodySchema) } },
  responses: {
    201: { description: "The new revision.", content: json(planRevisionSchema) },
    409: {
      description:
        "The changed plan breaks rules and `acceptViolations` was not true (`details` lists them), the plan already has a newer revision, or its Problem was not kept.",
      content: json(errorBodySchema),
    },
    ...errors,
  },
});

export const runManifestRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/plans/{id}/runs/{vehicleId}/manifest",
  summary: "A run's manifest for its driver and passenger assistant (names passengers; audited)",
  description:
    "Roles that plan runs (admin, commissioner) or operate them (operator, driver) only. Every read is recorded in the audit log with its purpose (`X-Purpose`). A partnership's plan answers 409: its members share passengers with it without names.",
  request: { params: runParams, headers: purposeHeaderSchema },
  responses: {
    200: {
      description: "The run in order, with who, where and their needs.",
      content: json(manifestSchema),
    },
    ...errors,
  },
});
