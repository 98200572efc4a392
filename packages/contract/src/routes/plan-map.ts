import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema, purposeHeaderSchema } from "../common";
import { COMMON_ERROR_RESPONSES, NOT_FOUND_RESPONSE } from "../errors";
import { AUTHENTICATED } from "./security";

export const planMapPointSchema = z
  .object({
    lat: z.number(),
    lon: z.number(),
    kind: z.enum(["home", "place"]),
    name: z.string().nullable().openapi({
      description: "The place's name; null for a home (the map never names passengers).",
    }),
  })
  .openapi("PlanMapPoint", {
    description: "A place exactly, or a passenger's home rounded to three decimals (about 100 m).",
  });

const point = planMapPointSchema.nullable().openapi({
  description: "Null when the trip request, its place or its passenger is no longer stored.",
});

export const planMapStopSchema = z
  .object({
    position: z.number().int().openapi({ description: "0-based, breaks counted." }),
    kind: z.enum(["pickup", "dropoff"]),
    tripRequestId: z.string(),
    tripReference: z.string().nullable(),
    at: point,
  })
  .openapi("PlanMapStop");

export const planMapSchema = z
  .object({
    planId: z.uuid(),
    serviceDate: z.string(),
    revision: z.number().int(),
    homeDecimals: z.number().int().openapi({ example: 3 }),
    runs: z.array(
      z
        .object({
          id: z.uuid(),
          vehicleId: z.string(),
          vehicleReference: z.string().nullable(),
          stops: z.array(planMapStopSchema),
        })
        .openapi("PlanMapRun"),
    ),
    unassigned: z.array(
      z
        .object({
          tripRequestId: z.string(),
          tripReference: z.string().nullable(),
          origin: point,
          destination: point,
        })
        .openapi("PlanMapUnassigned"),
    ),
  })
  .openapi("PlanMap");
export type PlanMapView = z.infer<typeof planMapSchema>;

export const planMapRoute = createRoute({
  security: AUTHENTICATED,
  tags: ["Plans"],
  method: "get",
  path: "/api/plans/{id}/map",
  summary: "A plan on a map: stops and unassigned requests with positions (homes rounded; audited)",
  description:
    "Every role that reads plans. Places are exact and named; homes are rounded to three decimal places (about 100 m) and never named. Reading the homes is recorded in the audit log with its purpose (`X-Purpose`).",
  request: { params: idParamSchema, headers: purposeHeaderSchema },
  responses: {
    200: {
      description: "Each run's stops with positions, and the unassigned requests' ends.",
      content: { "application/json": { schema: planMapSchema } },
    },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
