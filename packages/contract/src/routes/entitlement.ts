import { createRoute, z } from "@hono/zod-openapi";
import { ALTERNATIVE_KINDS, CONFIDENCE, REGIMES } from "@tt/domain";
import { idParamSchema, pageQueryShape, pageSchema, purposeHeaderSchema } from "../common";
import { COMMON_ERROR_RESPONSES, NOT_FOUND_RESPONSE, PAYLOAD_TOO_LARGE_RESPONSE } from "../errors";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const isoDate = () =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date "YYYY-MM-DD"' });

export const entitlementReasonSchema = z
  .object({
    ruleId: z.string().openapi({ example: "htst.sch35b-6.beyond-walking-distance" }),
    met: z.boolean(),
    text: z.string(),
    source: z.string(),
    confidence: z.enum(CONFIDENCE),
    inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi("EntitlementReason");

export const entitlementAlternativeSchema = z
  .object({
    kind: z.enum(ALTERNATIVE_KINDS),
    description: z.string(),
    annualCostPence: z.number().int(),
    paidBy: z.enum(["organisation", "family", "nhs"]),
    basis: z.string(),
    confidence: z.enum(CONFIDENCE),
  })
  .openapi("EntitlementAlternative");

export const entitlementDecisionSchema = z
  .object({
    regime: z.enum(REGIMES),
    eligible: z.boolean(),
    category: z.string().openapi({ example: "statutory-walking-distance" }),
    decidedBy: z.string(),
    legalBasis: z.string(),
    estimated: z.boolean(),
    summary: z.string(),
    reasons: z.array(entitlementReasonSchema),
    alternatives: z.array(entitlementAlternativeSchema),
    signposts: z.array(z.string()),
    contributionPence: z.number().int(),
    assessedOn: z.string(),
    reviewDate: z.string(),
    appealDeadline: z.string(),
    policy: z.object({
      id: z.string(),
      version: z.string(),
      localId: z.string().nullable(),
      localVersion: z.string().nullable(),
    }),
  })
  .openapi("EntitlementDecision");

export const storedEntitlementDecisionSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    passengerId: z.uuid().nullable(),
    regime: z.enum(REGIMES),
    category: z.string(),
    eligible: z.boolean(),
    policyVersion: z.string().openapi({ example: "england-statutory@2026.1" }),
    assessedOn: z.string(),
    reviewDate: z.string(),
    appealDeadline: z.string(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    decision: entitlementDecisionSchema,
  })
  .openapi("StoredEntitlementDecision");
export type StoredEntitlementDecisionView = z.infer<typeof storedEntitlementDecisionSchema>;

export const assessBodySchema = z
  .object({
    case: z.record(z.string(), z.unknown()).openapi({
      description: "One case; `regime` picks the rules (see docs/entitlement.md).",
      example: {
        regime: "home-to-school",
        pupil: { age: 9, lowIncome: false },
        school: { qualifying: true, nearestSuitable: true, walkingDistanceMiles: 3.4 },
      },
    }),
    passengerId: z.uuid().optional(),
    policyId: z.string().max(64).optional(),
    localPolicyId: z.string().max(64).optional(),
    assessedOn: isoDate().optional().openapi({ description: "Default: today in England." }),
  })
  .openapi("AssessEntitlement");
export type AssessBody = z.infer<typeof assessBodySchema>;

export const entitlementQuerySchema = z.object({
  ...pageQueryShape,
  passengerId: z.uuid().optional(),
});

const common = { tags: ["Entitlement"], security: AUTHENTICATED };

export const assessEntitlementRoute = createRoute({
  ...common,
  method: "post",
  path: "/api/entitlement/assess",
  summary: "Decide a case, store the decision and return it (assessors, commissioners, admins)",
  request: {
    headers: purposeHeaderSchema,
    body: { required: true, content: json(assessBodySchema) },
  },
  responses: {
    201: { description: "The stored decision.", content: json(storedEntitlementDecisionSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...PAYLOAD_TOO_LARGE_RESPONSE,
  },
});

export const listEntitlementDecisionsRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/entitlement/decisions",
  summary: "Entitlement decisions, newest first; filter by passenger",
  request: { query: entitlementQuerySchema, headers: purposeHeaderSchema },
  responses: {
    200: {
      description: "A page.",
      content: json(pageSchema(storedEntitlementDecisionSchema, "EntitlementDecisionPage")),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const getEntitlementDecisionRoute = createRoute({
  ...common,
  method: "get",
  path: "/api/entitlement/decisions/{id}",
  summary: "One entitlement decision with its reasons",
  request: { params: idParamSchema, headers: purposeHeaderSchema },
  responses: {
    200: { description: "The decision.", content: json(storedEntitlementDecisionSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
