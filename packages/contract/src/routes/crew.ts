import { createRoute, z } from "@hono/zod-openapi";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const serviceDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date, YYYY-MM-DD" })
  .openapi({ example: "2026-11-24" });

export const crewAssignmentSchema = z
  .object({
    serviceDate: z.string().openapi({ example: "2026-11-24" }),
    vehicleId: z.uuid(),
    staffId: z.uuid(),
  })
  .openapi("CrewAssignment", { description: "One person crewing one vehicle on a date." });

export const crewRotaSchema = z
  .object({ items: z.array(crewAssignmentSchema) })
  .openapi("CrewRota", { description: "Every assignment of the date, by vehicle." });
export type CrewRotaView = z.infer<typeof crewRotaSchema>;

export const crewBodySchema = z
  .object({
    staffIds: z.array(z.string().max(100)).max(4).openapi({
      description:
        "The vehicle's whole crew that day: one driver and up to three passenger assistants (none clears it).",
    }),
  })
  .openapi("CrewBody");

const rotaParams = z.object({
  date: serviceDate.openapi({ param: { name: "date", in: "path" } }),
});
const vehicleParams = rotaParams.extend({
  vehicleId: z
    .string()
    .max(100)
    .openapi({ param: { name: "vehicleId", in: "path" }, format: "uuid" }),
});

const common = { security: AUTHENTICATED } as const;
const tags = ["Crew"];

export const crewRotaRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/crew/{date}",
  summary: "Who crews which vehicle on a date (staff read; audited)",
  request: { params: rotaParams },
  responses: {
    200: { description: "The date's rota.", content: json(crewRotaSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const assignCrewRoute = createRoute({
  ...common,
  tags,
  method: "put",
  path: "/api/crew/{date}/{vehicleId}",
  summary:
    "Set a vehicle's crew on a date: its driver and assistants then see that vehicle's runs, and only those",
  request: { params: vehicleParams, body: { required: true, content: json(crewBodySchema) } },
  responses: {
    200: { description: "The date's rota after the change.", content: json(crewRotaSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
    ...CONFLICT_RESPONSE,
  },
});
