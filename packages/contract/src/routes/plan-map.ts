import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema, purposeHeaderSchema } from "../common";
import { COMMON_ERROR_RESPONSES, NOT_FOUND_RESPONSE } from "../errors";
import { AUTHENTICATED } from "./security";

const placedPointSchema = z
  .object({
    lat: z.number(),
    lon: z.number(),
    kind: z.enum(["home", "place"]),
    name: z.string().nullable().openapi({
      description: "The place's name; null for a home (the map never names passengers).",
    }),
    withheld: z.literal(false),
  })
  .openapi("PlanMapPlacedPoint", {
    description: "A place exactly, or a passenger's home rounded to three decimals (about 100 m).",
  });

const withheldHomeSchema = z
  .object({
    kind: z.literal("home"),
    name: z.null(),
    withheld: z.literal(true).openapi({
      description:
        "The stop is at a passenger's home and your role may not read passengers, so it has no position.",
    }),
  })
  .openapi("PlanMapWithheldHome", {
    description:
      "A passenger's home without a position (no `lat`, `lon`), for roles that may not read passengers.",
  });

export const planMapPointSchema = z
  .union([placedPointSchema, withheldHomeSchema])
  .openapi("PlanMapPoint", {
    description:
      "A place (exact, named) or a home (rounded, unnamed); a home has no position (`withheld: true`) unless your role may read passengers.",
  });

const point = z.union([planMapPointSchema, z.null()]).openapi({
  description:
    "A place (exact, named) or a home (unnamed; rounded for roles that may read passengers, otherwise `withheld: true` with no position). Null when the trip request or its place is no longer stored, or (for roles that may read passengers) its passenger.",
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
  summary:
    "A plan on a map: stops and unassigned requests with positions (homes rounded, only for roles that read passengers; audited)",
  description:
    'Every role that reads plans. Places are exact and named; homes are never named. Home positions, rounded to three decimal places (about 100 m), are given only to roles that may read passengers, and that read is recorded in the audit log with its purpose (`X-Purpose`). For other roles (operator, driver, finance) a home is `{ kind: "home", name: null, withheld: true }` with no `lat` or `lon`; the passenger register is not read and nothing is audited.',
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
