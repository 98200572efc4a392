import { createRoute, z } from "@hono/zod-openapi";
import { storedFieldsShape } from "../common";
import { availabilityGrantInputSchema, WEEKDAYS } from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const grantBodySchema = named(availabilityGrantInputSchema, "AvailabilityGrantInput");

export const grantSchema = z
  .object({
    ...storedFieldsShape,
    granteeId: z.uuid(),
    vehicleIds: z.array(z.uuid()),
    weekdays: z.array(z.enum(WEEKDAYS)),
    startTime: z.string(),
    endTime: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    granteeOperatorId: z.uuid().optional(),
    funderIds: z.array(z.uuid()),
    fixedCostPence: z.number().int().optional(),
    costPerKmPence: z.number().int().optional(),
    costPerHourPence: z.number().int().optional(),
    withdrawn: z.boolean(),
  })
  .openapi("AvailabilityGrant", {
    description:
      "Vehicles of the grantor's register the grantee may plan with, on these weekdays and hours between these dates; `organisationId` is the grantor.",
  });
export type GrantView = z.infer<typeof grantSchema>;

export const grantListSchema = z.object({ items: z.array(grantSchema) }).openapi("GrantList");

const grantQuery = z.object({
  direction: z.enum(["made", "received"]).default("made").openapi({
    description: "Grants your organisation made (default), or those made to it.",
  }),
});
const idParams = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});

const common = { security: AUTHENTICATED } as const;
const tags = ["Availability grants"];

export const listGrantsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/availability-grants",
  summary: "Vehicles your organisation offers to others, or that others offer to it",
  request: { query: grantQuery },
  responses: {
    200: { description: "The grants.", content: json(grantListSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const offerGrantRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/availability-grants",
  summary:
    "Offer some of your vehicles to another organisation by weekday, hours and dates (no copies are made)",
  request: { body: { required: true, content: json(grantBodySchema) } },
  responses: {
    201: { description: "The grant.", content: json(grantSchema) },
    409: {
      description: "A vehicle is already granted on overlapping days and hours.",
      content: CONFLICT_RESPONSE[409].content,
    },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const withdrawGrantRoute = createRoute({
  ...common,
  tags,
  method: "delete",
  path: "/api/availability-grants/{id}",
  summary: "Withdraw a grant your organisation made",
  request: { params: idParams },
  responses: {
    204: { description: "Withdrawn." },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
