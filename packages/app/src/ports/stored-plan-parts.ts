import { type Problem, validateProblem } from "@tt/solver";
import { z } from "zod";
import type {
  DayPlanResult,
  KeptProblem,
  PlanRunStop,
  PlanSummary,
  PlanUnassigned,
  ProblemAdditions,
} from "./plans";

/**
 * The parts of a stored plan kept as JSON (summary, unassigned requests, each run's stops, the
 * Problem). A plan store checks them with these schemas when it reads them back: the database
 * holds whatever was written, perhaps by an older version, so the shape is checked, not assumed.
 */

const costSummarySchema = z.object({
  total: z.number(),
  fixed: z.number(),
  distance: z.number(),
  time: z.number(),
});

const summaryIssueSchema = z.object({
  kind: z.string(),
  message: z.string(),
  tripRequestId: z.string().optional(),
  vehicleId: z.string().optional(),
});

const summaryFieldsSchema = z.object({
  date: z.string(),
  seed: z.number(),
  timeLimitSeconds: z.number().optional(),
  iterations: z.number().optional(),
  seconds: z.number(),
  travelTimes: z.string(),
  thread: z.string(),
  fallback: z.string().optional(),
  mixingPolicy: z.string().optional(),
  pool: z
    .object({
      members: z.array(z.object({ organisation: z.string(), agreement: z.string() })),
      leftOut: z.array(z.object({ organisation: z.string(), reason: z.string() })),
    })
    .optional(),
  requests: z.number(),
  assigned: z.number(),
  unassigned: z.number(),
  unassignedByReason: z.record(z.string(), z.number()),
  vehiclesAvailable: z.number(),
  vehiclesUsed: z.number(),
  cost: costSummarySchema,
  distanceKm: z.number(),
  solverIterations: z.number(),
  issueCount: z.number(),
  problemKept: z.boolean(),
  violations: z.number().optional(),
});

export const storedPlanSummarySchema: z.ZodType<PlanSummary> = summaryFieldsSchema.extend({
  issues: z.array(summaryIssueSchema),
});

/** A day-plan job's stored result, checked when read back like the plan's own parts. */
export const dayPlanResultSchema: z.ZodType<DayPlanResult> = z.object({
  planId: z.string(),
  summary: summaryFieldsSchema,
});

export const storedPlanUnassignedSchema: z.ZodType<PlanUnassigned[]> = z.array(
  z.object({ tripRequestId: z.string(), reason: z.string(), message: z.string() }),
);

const stopTimes = {
  location: z.number(),
  arrival: z.number(),
  start: z.number(),
  departure: z.number(),
  load: z.array(z.number()),
};

export const storedPlanStopsSchema: z.ZodType<PlanRunStop[]> = z.array(
  z.discriminatedUnion("kind", [
    z.object({ kind: z.enum(["pickup", "dropoff"]), tripRequestId: z.string(), ...stopTimes }),
    z.object({ kind: z.literal("break"), breakId: z.string(), ...stopTimes }),
  ]),
);

const pointsSchema = z.object({
  travelTimes: z.string(),
  points: z.array(z.object({ lat: z.number(), lon: z.number() })),
});

const pointsFormSchema = z.object({
  kind: z.literal("points"),
  problem: z.looseObject({ locations: z.array(z.looseObject({ id: z.string() })) }),
  at: pointsSchema,
});

const wholeFormSchema = z.object({
  kind: z.literal("whole"),
  problem: z.unknown(),
  at: pointsSchema,
});

/**
 * The kept Problem as stored: whole (the Problem itself, checked by the engine's own validator as
 * a solve checks it; since bookings, with the points of its locations) or without its matrices
 * (`kind: "points"`: one point per location; the whole Problem is checked once its matrices are
 * made again).
 */
export const storedKeptProblemSchema: z.ZodType<KeptProblem> = z
  .unknown()
  .transform((value, ctx): KeptProblem => {
    const whole = wholeFormSchema.safeParse(value);
    if (whole.success) return wholeProblem(whole.data.problem, ctx, whole.data.at);
    if (typeof value === "object" && value !== null && "kind" in value) {
      const points = pointsFormSchema.safeParse(value);
      if (points.success && points.data.at.points.length === points.data.problem.locations.length)
        return { kind: "points", problem: points.data.problem, at: points.data.at };
      ctx.addIssue({ code: "custom", message: "a Problem kept without matrices, out of shape" });
      return z.NEVER;
    }
    return wholeProblem(value, ctx);
  });

function wholeProblem(
  value: unknown,
  ctx: z.RefinementCtx,
  at?: z.infer<typeof pointsSchema>,
): KeptProblem {
  const checked = validateProblem(value);
  if (!checked.ok) {
    for (const issue of checked.issues.slice(0, 20)) {
      ctx.addIssue({ code: "custom", message: `${issue.path}: ${issue.message}` });
    }
    return z.NEVER;
  }
  if (at && at.points.length !== checked.problem.locations.length) {
    ctx.addIssue({
      code: "custom",
      message: "a whole Problem with a point per location, out of shape",
    });
    return z.NEVER;
  }
  return at
    ? { kind: "whole", problem: checked.problem, at }
    : { kind: "whole", problem: checked.problem };
}

const windowSchema = z.tuple([z.number(), z.number()]);
const requestStopSchema = z.object({
  location: z.number().int().min(0),
  service: z.number().min(0),
  window: windowSchema,
});
const ids = z.array(z.string()).optional();

/** A request a booking added, in the engine's terms (the engine checks it again in whole). */
const addedRequestSchema = z.object({
  id: z.string(),
  pickup: requestStopSchema,
  dropoff: requestStopSchema,
  load: z.array(z.number()),
  maxRideTime: z
    .object({
      absolute: z.number().optional(),
      factor: z.number().optional(),
      constant: z.number().optional(),
    })
    .optional(),
  features: ids,
  groups: ids,
  incompatibleWith: ids,
  incompatibleGroups: ids,
  needsAssistant: z.boolean().optional(),
  doorThroughDoor: z.boolean().optional(),
  linkedRequest: z.string().optional(),
  penalty: z.number().optional(),
});

/** What a booking's revision added to its plan's Problem (`ProblemAdditions`), as stored. */
export const storedProblemAdditionsSchema: z.ZodType<ProblemAdditions> = z
  .object({
    kind: z.literal("additions"),
    requests: z.array(addedRequestSchema),
    locations: z.array(z.object({ id: z.string(), name: z.string().optional() })),
    points: z.array(z.object({ lat: z.number(), lon: z.number() })),
    withdrawn: z.array(z.string()).optional(),
    withdrawnVehicles: z.array(z.string()).optional(),
  })
  .refine((a) => a.points.length === a.locations.length, {
    message: "one point per added location",
    path: ["points"],
  })
  .transform(({ requests, locations, points, withdrawn, withdrawnVehicles }) => ({
    requests,
    locations,
    points,
    ...(withdrawn ? { withdrawn } : {}),
    ...(withdrawnVehicles ? { withdrawnVehicles } : {}),
  }));

/** The kept Problem, checked by the engine's own validator (as a solve checks it). */
export const storedProblemSchema: z.ZodType<Problem> = z.unknown().transform((value, ctx) => {
  const checked = validateProblem(value);
  if (checked.ok) return checked.problem;
  for (const issue of checked.issues.slice(0, 20)) {
    ctx.addIssue({ code: "custom", message: `${issue.path}: ${issue.message}` });
  }
  return z.NEVER;
});

/**
 * Reads one stored part: the value if it has the shape, else an error naming the plan (or job), the part
 * and every field out of shape (a fault in the stored data, not in the request).
 */
export function readStoredPlanPart<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where:
    | { readonly planId: string; readonly part: string }
    | { readonly jobId: string; readonly part: string },
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
  const owner = "planId" in where ? `Plan ${where.planId}` : `Job ${where.jobId}`;
  throw new Error(`${owner}: stored ${where.part} out of shape (${fields}).`);
}
