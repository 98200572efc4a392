import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema } from "../common";
import {
  DPS_APPLICATION_STATUSES,
  DPS_CATEGORIES,
  dpsApplicationInputSchema,
  dpsDecisionInputSchema,
} from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { complianceRecordSchema } from "./compliance";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const dpsApplicationSchema = z
  .object({
    id: z.uuid(),
    operatorId: z.uuid(),
    operatorName: z.string(),
    buyerId: z.uuid(),
    buyerName: z.string(),
    categories: z.array(z.enum(DPS_CATEGORIES)),
    status: z.enum(DPS_APPLICATION_STATUSES),
    reason: z.string().optional(),
    decidedAt: z.string().optional(),
    decidedBy: z.uuid().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("DpsApplication", {
    description:
      "An operator's application to a buyer's dynamic purchasing system, and where it stands.",
  });
export type DpsApplicationPresented = z.infer<typeof dpsApplicationSchema>;

const listQuery = z.object({
  side: z.enum(["made", "received"]).default("made").openapi({
    description: "Applications your organisation made (an operator), or received (a buyer).",
  }),
  status: z.enum(DPS_APPLICATION_STATUSES).optional(),
});
const operatorParams = z.object({
  operatorId: z
    .string()
    .max(100)
    .openapi({ param: { name: "operatorId", in: "path" }, format: "uuid" }),
});

const common = { security: AUTHENTICATED } as const;
const tags = ["Dynamic purchasing system"];
const conflict = {
  409: {
    description:
      "An open application to that buyer exists, the application cannot move so, or the operator's own documents have lapsed.",
    content: CONFLICT_RESPONSE[409].content,
  },
};

export const listDpsApplicationsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/dps/applications",
  summary: "Applications your organisation made to buyers' DPSs, or received to its own",
  request: { query: listQuery },
  responses: {
    200: {
      description: "The applications, newest first.",
      content: json(z.object({ items: z.array(dpsApplicationSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const applyToDpsRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/dps/applications",
  summary: "Apply to a buyer's dynamic purchasing system in some categories (operators)",
  request: {
    body: {
      required: true,
      content: json(named(dpsApplicationInputSchema, "DpsApplicationInput")),
    },
  },
  responses: {
    201: { description: "The application.", content: json(dpsApplicationSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
  },
});

export const decideDpsApplicationRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/dps/applications/{id}/decision",
  summary: "Admit, refuse or suspend an application to your DPS (the buyer)",
  request: {
    params: idParamSchema,
    body: { required: true, content: json(named(dpsDecisionInputSchema, "DpsDecisionInput")) },
  },
  responses: {
    200: { description: "The application.", content: json(dpsApplicationSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const withdrawDpsApplicationRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/dps/applications/{id}/withdrawal",
  summary: "Withdraw your application (the operator)",
  request: { params: idParamSchema },
  responses: {
    200: { description: "The application.", content: json(dpsApplicationSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const applicantComplianceRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/dps/applicants/{operatorId}/compliance",
  summary: "An applicant's compliance documents and warnings (the buyer it applied to)",
  request: { params: operatorParams },
  responses: {
    200: { description: "The documents and warnings.", content: json(complianceRecordSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const listDpsBuyersRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/dps/buyers",
  summary: "The organisations that buy transport, whose DPS an operator may apply to",
  responses: {
    200: {
      description: "The buyers, by name.",
      content: json(z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});
