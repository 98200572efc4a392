import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema } from "../common";
import {
  DELEGATION_STATUSES,
  delegationAnswerSchema,
  delegationChangeSchema,
  delegationInputSchema,
  TRIP_PURPOSES,
  WEEKDAYS,
} from "../domain";
import {
  COMMON_ERROR_RESPONSES,
  CONFLICT_RESPONSE,
  NOT_FOUND_RESPONSE,
  PAYLOAD_TOO_LARGE_RESPONSE,
} from "../errors";
import { named } from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const areaSchema = z.object({
  type: z.enum(["Polygon", "MultiPolygon"]),
  coordinates: z.array(z.array(z.any())),
});

export const delegationSchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    councilName: z.string(),
    consortiumId: z.uuid(),
    consortiumName: z.string(),
    financialYear: z.string(),
    budgetPence: z.number().int(),
    area: areaSchema,
    status: z.enum(DELEGATION_STATUSES).openapi({
      description:
        "`proposed` by the council; `accepted` (only then it counts) or `declined` by the consortium; `withdrawn` by the council.",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Delegation", {
    description:
      "A budget (pence) for a financial year and an area (GeoJSON Polygon or MultiPolygon, WGS84) a council delegates to a local consortium; it counts once the consortium accepts it.",
  });
export type DelegationPresented = z.infer<typeof delegationSchema>;

const commitmentSchema = z.union([
  z.object({ counted: z.literal(true), days: z.number().int(), pence: z.number().int() }),
  z.object({ counted: z.literal(false), reason: z.string() }),
]);

export const delegationSpendSchema = z
  .object({
    delegation: delegationSchema,
    budgetPence: z.number().int(),
    committedPence: z.number().int(),
    remainingPence: z.number().int(),
    contracts: z.array(
      z.object({
        contractId: z.uuid(),
        reference: z.string(),
        title: z.string(),
        status: z.string(),
        commitment: commitmentSchema,
      }),
    ),
  })
  .openapi("DelegationSpend", {
    description:
      "The consortium's budget for the year, what its signed contracts commit in it (a day's price times the weekdays of each term within the year), and what remains.",
  });
export type DelegationSpendPresented = z.infer<typeof delegationSpendSchema>;

export const unmetDemandSchema = z.object({
  id: z.uuid(),
  survey: z.string(),
  originLat: z.number(),
  originLon: z.number(),
  destinationLat: z.number(),
  destinationLon: z.number(),
  purpose: z.enum(TRIP_PURPOSES),
  days: z.array(z.enum(WEEKDAYS)),
  time: z.string(),
  count: z.number().int(),
  importedAt: z.string(),
});
export type UnmetDemandPresented = z.infer<typeof unmetDemandSchema>;

const common = { security: AUTHENTICATED } as const;
const tags = ["Consortia"];
const one = { description: "The delegation.", content: json(delegationSchema) };

export const listDelegationsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/delegations",
  summary: "Budgets and areas your council delegated (`made`), or your consortium received",
  request: {
    query: z.object({ side: z.enum(["made", "received"]).default("made") }),
  },
  responses: {
    200: {
      description: "The delegations, by financial year.",
      content: json(z.object({ items: z.array(delegationSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const createDelegationRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/delegations",
  summary:
    "Propose a budget and an area to a local consortium (a council's commissioners); it counts once the consortium accepts it",
  request: {
    body: { required: true, content: json(named(delegationInputSchema, "DelegationInput")) },
  },
  responses: { 201: one, ...CONFLICT_RESPONSE, ...COMMON_ERROR_RESPONSES },
});

export const updateDelegationRoute = createRoute({
  ...common,
  tags,
  method: "put",
  path: "/api/delegations/{id}",
  summary: "Change a delegation's budget or area (the council that made it)",
  request: {
    params: idParamSchema,
    body: { required: true, content: json(named(delegationChangeSchema, "DelegationChange")) },
  },
  responses: { 200: one, ...CONFLICT_RESPONSE, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export const answerDelegationRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/delegations/{id}/answer",
  summary: "Accept or decline a proposed delegation (the consortium's commissioners)",
  description:
    "Only an accepted delegation counts (budget and area). Accepting while another delegation is accepted for the consortium and year is 409.",
  request: {
    params: idParamSchema,
    body: { required: true, content: json(named(delegationAnswerSchema, "DelegationAnswer")) },
  },
  responses: { 200: one, ...CONFLICT_RESPONSE, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export const withdrawDelegationRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/delegations/{id}/withdrawal",
  summary:
    "Withdraw a proposed or accepted delegation (the council that made it): it stops counting",
  request: { params: idParamSchema },
  responses: { 200: one, ...CONFLICT_RESPONSE, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export const delegationSpendRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/delegations/{id}/spend",
  summary:
    "The budget, what is committed against it and what remains (the consortium; the council once accepted)",
  request: { params: idParamSchema },
  responses: {
    200: { description: "The spend.", content: json(delegationSpendSchema) },
    ...CONFLICT_RESPONSE,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const importNeedsSurveyRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/unmet-demand/import",
  summary: "Import a parish needs survey (CSV, all or nothing) into the register of unmet demand",
  description:
    "Columns `origin_lat,origin_lon,destination_lat,destination_lon,purpose,days,time,count`: where from and to (WGS84), the trip purpose, the days (`mon tue …`), the time (`HH:MM`) and how many people. A file with any bad row stores nothing; the 422 answer lists every problem by row. Up to 5,000 rows.",
  request: {
    query: z.object({ survey: z.string().min(1).max(120) }),
    body: {
      required: true,
      content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
    },
  },
  responses: {
    201: {
      description: "Every row was stored.",
      content: json(
        z.object({ survey: z.string(), rows: z.number().int(), people: z.number().int() }),
      ),
    },
    ...COMMON_ERROR_RESPONSES,
    ...PAYLOAD_TOO_LARGE_RESPONSE,
  },
});

export const listUnmetDemandRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/unmet-demand",
  summary: "The register of unmet demand: your parish needs surveys' rows",
  responses: {
    200: {
      description: "The rows, by survey and time.",
      content: json(z.object({ items: z.array(unmetDemandSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});
