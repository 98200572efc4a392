import { createRoute, z } from "@hono/zod-openapi";
import { isIsoDate } from "@tt/domain";
import { idParamSchema } from "../common";
import { FUNDER_KINDS } from "../domain";
import { COMMON_ERROR_RESPONSES, errorBodySchema, NOT_FOUND_RESPONSE } from "../errors";
import { jobAcceptedSchema } from "./jobs";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const mixingRuleSchema = z.object({
  services: z.tuple([z.string().min(1), z.string().min(1)]).openapi({
    example: ["send-school", "nepts-outpatient"],
  }),
  reason: z.string().min(1).openapi({ example: "Pupils do not share with adult patients." }),
});

export const mixingPolicyBodySchema = z
  .object({ version: z.string().min(1), rules: z.array(mixingRuleSchema).max(100) })
  .openapi("MixingPolicy", {
    description:
      "Services that may not be on board one vehicle together. Services: mainstream-school, send-school, post-16, send-post-16, adult-day-service, nepts-outpatient, nepts-gp, nepts-dialysis, drt, community-transport.",
  });

export const startIntegrationAnalysisBodySchema = z
  .object({
    date: z
      .string()
      .refine(isIsoDate, { message: 'expected a date "YYYY-MM-DD" that exists, e.g. "2026-11-24"' })
      .openapi({ example: "2026-11-24", format: "date" }),
    timeLimitSeconds: z.number().int().min(1).max(600).optional().openapi({
      description: "Seconds per plan (default 30); every coalition of funders gets the same.",
      example: 20,
    }),
    iterations: z.number().int().min(1).max(1_000_000).optional().openapi({
      description: "Iterations per plan: with a seed, the same report every time.",
    }),
    seed: z.number().int().min(0).max(4_294_967_295).optional().openapi({ example: 1 }),
    mixingPolicy: mixingPolicyBodySchema.optional(),
    fleet: z
      .record(z.string().min(1).max(100), z.array(z.uuid()).min(1))
      .optional()
      .openapi({
        description:
          "Which funders' silo fleets a vehicle joins, by the start of its reference: the longest matching prefix wins. Vehicles that match none, or only funders with no demand that day, may be used by every funder's silo. In the pooled plan every vehicle may be used. Without it, a partnership's analysis gives each vehicle to the budgets its grant names, else to its holder's budgets.",
        example: { "CCC-": ["0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11"] },
      }),
    parallel: z.number().int().min(1).max(16).optional().openapi({
      description: "Plans at once (default: the server's cores − 1).",
    }),
    funderIds: z.array(z.uuid()).max(100).optional().openapi({
      description:
        "Only these funders' demand, from GET /api/analyses/integration/funders (default: all of them). A partnership reads no member none of whose funders is chosen.",
    }),
  })
  .openapi("StartIntegrationAnalysis");
export type StartIntegrationAnalysisBody = z.infer<typeof startIntegrationAnalysisBodySchema>;

export const analysableFundersSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        kind: z.enum(FUNDER_KINDS),
        organisationId: z.uuid(),
        organisationName: z.string(),
        agreement: z.object({ id: z.uuid(), reference: z.string() }).optional().openapi({
          description: "The analysis agreement a partnership reads the member's day under.",
        }),
      }),
    ),
    skipped: z
      .array(z.object({ organisationId: z.uuid(), name: z.string(), reason: z.string() }))
      .openapi({ description: "A partnership's members it cannot analyse, and why." }),
  })
  .openapi("AnalysableFunders");
export type AnalysableFundersView = z.infer<typeof analysableFundersSchema>;

export const INTEGRATION_REPORT_TABLES = [
  "metrics",
  "savings",
  "shares",
  "coalitions",
  "overlap",
  "peak-vehicles",
] as const;

const common = { security: AUTHENTICATED } as const;
const errors = {
  ...COMMON_ERROR_RESPONSES,
  ...NOT_FOUND_RESPONSE,
  409: {
    description: "The analysis has not finished, or it failed.",
    content: json(errorBodySchema),
  },
} as const;

export const startIntegrationAnalysisRoute = createRoute({
  ...common,
  tags: ["Analyses"],
  method: "post",
  path: "/api/analyses/integration",
  summary: "Silo versus pooled planning of a day's demand by funder, as a job",
  description:
    "Plans each funder's demand alone and all together, and every coalition the Shapley cost shares need. Follow the job at /api/jobs/{id}; its result is the report.",
  request: { body: { required: true, content: json(startIntegrationAnalysisBodySchema) } },
  responses: {
    202: {
      description: "The job started; follow it at /api/jobs/{id}.",
      content: json(jobAcceptedSchema),
    },
    409: {
      description: "An analysis is already running.",
      content: json(errorBodySchema),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const analysableFundersRoute = createRoute({
  ...common,
  tags: ["Analyses"],
  method: "get",
  path: "/api/analyses/integration/funders",
  summary: "The funders an integration analysis of yours may plan",
  description:
    "Your organisation's funders; for a partnership, each member's funders that an active agreement shares for analysis (trips and home locations), and the members it cannot analyse with the reason.",
  responses: {
    200: { description: "By organisation.", content: json(analysableFundersSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const memberFunderShareSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    requests: z.number().int().openapi({ description: "Its trips that day." }),
    servedAlone: z.number().int(),
    servedPooled: z.number().int(),
    costAlone: z.number().openapi({ description: "Its own plan's cost, pounds." }),
    shapley: z.number().openapi({ description: "Its Shapley share of the pooled objective." }),
    objectiveAlone: z.number().openapi({ description: "Its own plan's objective, pounds." }),
    paysMoreThanAlone: z.boolean(),
  })
  .openapi("MemberFunderShare");

export const memberShareSchema = z
  .object({
    jobId: z.uuid(),
    partnership: z.string(),
    date: z.string().openapi({ format: "date" }),
    mixingPolicy: z.string(),
    finishedAt: z.string().nullable(),
    funders: z.array(memberFunderShareSchema),
  })
  .openapi("MemberShare");

export const memberSharesRoute = createRoute({
  ...common,
  tags: ["Analyses"],
  method: "get",
  path: "/api/analyses/integration/member-shares",
  summary: "Your organisation's part of its partnerships' analyses: its own budgets only",
  responses: {
    200: {
      description: "Newest first.",
      content: json(z.object({ items: z.array(memberShareSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const integrationReportHtmlRoute = createRoute({
  ...common,
  tags: ["Analyses"],
  method: "get",
  path: "/api/analyses/integration/{id}/report.html",
  summary: "The finished analysis as one self-contained HTML page (charts, tables, map)",
  request: { params: idParamSchema },
  responses: {
    200: { description: "The report.", content: { "text/html": { schema: z.string() } } },
    ...errors,
  },
});

export const integrationReportCsvRoute = createRoute({
  ...common,
  tags: ["Analyses"],
  method: "get",
  path: "/api/analyses/integration/{id}/report.csv",
  summary: "One table of the finished analysis as CSV",
  request: {
    params: idParamSchema,
    query: z.object({
      table: z.enum(INTEGRATION_REPORT_TABLES).default("metrics").openapi({ example: "shares" }),
    }),
  },
  responses: {
    200: { description: "The table.", content: { "text/csv": { schema: z.string() } } },
    ...errors,
  },
});
