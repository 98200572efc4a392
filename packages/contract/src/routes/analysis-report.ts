import { z } from "@hono/zod-openapi";

const byKey = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
const meanMax = () => z.object({ mean: z.number(), max: z.number() });

export const analysisFunderSchema = z
  .object({
    key: z.string().openapi({ example: "ccc-send" }),
    name: z.string(),
    organisation: z.string(),
    organisationId: z.uuid().optional(),
  })
  .openapi("AnalysisFunder");

/** Indicators of one plan (a silo, a coalition or the pooled plan). */
export const planMetricsSchema = z
  .object({
    requests: z.number().int(),
    served: z.number().int(),
    unassigned: byKey(z.number().int()).openapi({
      description: "Unserved requests by the engine's reason.",
      example: { "time-window": 2 },
    }),
    vehiclesUsed: z.number().openapi({
      description: "Vehicles with passengers; a share of shared runs when counted for one funder.",
    }),
    cost: z.object({
      fixed: z.number(),
      distance: z.number(),
      time: z.number(),
      total: z.number(),
    }),
    objective: z.number(),
    vehicleKm: z.number(),
    vehicleHours: z.number(),
    passengerKm: z.number(),
    occupancy: z.number().openapi({ description: "Passenger-km over vehicle-km." }),
    rideMinutes: meanMax(),
    rideRatio: meanMax().openapi({ description: "Ride time over direct time." }),
    co2eKg: z.number(),
  })
  .openapi("PlanMetrics", { description: "Units: km, hours, pounds, kg." });
export type PlanMetricsView = z.infer<typeof planMetricsSchema>;

export const analysisSavingsSchema = z
  .object({
    cost: z.number(),
    costPercent: z.number(),
    vehicles: z.number(),
    vehiclesPercent: z.number(),
    vehicleKm: z.number(),
    vehicleKmPercent: z.number(),
    co2eKg: z.number(),
    co2ePercent: z.number(),
  })
  .openapi("AnalysisSavings", { description: "Silo total minus pooled." });

export const costSharesSchema = z
  .object({
    shapley: byKey(z.number()).openapi({ description: "Pounds per funder." }),
    shapleyMethod: z.enum(["exact", "sampled"]),
    shapleyStandardError: byKey(z.number()).optional(),
    proportionalToStandalone: byKey(z.number()),
    perPassengerKm: byKey(z.number()),
    paysMoreThanAlone: z.array(z.string()),
  })
  .openapi("CostShares");

export const overlapRowSchema = z
  .object({
    service: z.string(),
    carrier: z.string(),
    tested: z.number().int(),
    feasible: z.number().int(),
    percent: z.number(),
    sampled: z.boolean(),
  })
  .openapi("OverlapRow");

export const peakVehiclesSchema = z
  .object({
    slotMinutes: z.number().int(),
    slots: z.array(z.string()).openapi({ example: ["07:00", "07:30"] }),
    series: byKey(z.array(z.number())).openapi({
      description: 'Vehicles out per slot, by funder key and "pooled".',
    }),
  })
  .openapi("PeakVehicles");

/** The integration analysis' report: silo versus pooled planning and the shares of the cost. */
export const integrationReportSchema = z
  .object({
    scenario: z.object({ name: z.string(), date: z.string(), mixingPolicy: z.string() }),
    settings: z.object({
      seed: z.number().int(),
      timeLimitSeconds: z.number().optional(),
      iterations: z.number().int().optional(),
    }),
    funders: z.array(analysisFunderSchema),
    silo: byKey(planMetricsSchema),
    siloTotal: planMetricsSchema,
    pooled: planMetricsSchema,
    pooledByFunder: byKey(planMetricsSchema),
    savings: analysisSavingsSchema,
    shares: costSharesSchema,
    overlap: z.array(overlapRowSchema),
    peakVehicles: peakVehiclesSchema,
    violations: z.number().int(),
    violationDetails: z.array(z.string()),
    coalitions: byKey(z.number()).openapi({
      description: 'Coalition costs (pounds) by sorted funder keys joined with "+".',
    }),
    seconds: z.number(),
  })
  .openapi("IntegrationReport");
export type IntegrationReportView = z.infer<typeof integrationReportSchema>;

/** A run of the pooled plan for the report's map. */
export const analysisMapRunSchema = z
  .object({
    vehicle: z.string(),
    funders: z.array(z.string()),
    trips: z.number().int(),
    points: z.array(z.tuple([z.number(), z.number()])).openapi({
      description: "[longitude, latitude], rounded to 0.001°.",
    }),
  })
  .openapi("AnalysisMapRun");

/** What a finished integration analysis job holds as its result. */
export const integrationAnalysisResultSchema = z
  .object({ report: integrationReportSchema, runs: z.array(analysisMapRunSchema) })
  .openapi("IntegrationAnalysisResult");
export type IntegrationAnalysisResultView = z.infer<typeof integrationAnalysisResultSchema>;

function isIntegrationReport(value: unknown): value is IntegrationReportView {
  return typeof value === "object" && value !== null && "pooled" in value;
}

/** The report inside a finished integration analysis job's result, or undefined when it has none. */
export function integrationReportOf(
  result: Readonly<Record<string, unknown>> | null | undefined,
): IntegrationReportView | undefined {
  const report = result?.report;
  return isIntegrationReport(report) ? report : undefined;
}
