import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema } from "../common";
import {
  CONTRACT_PRICE_BASES,
  CONTRACT_STATUSES,
  contractInputSchema,
  contractMoveSchema,
  handBackSchema,
  LOT_RULES,
} from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const contractSchema = z
  .object({
    id: z.uuid(),
    buyerId: z.uuid(),
    buyerName: z.string(),
    operatorId: z.uuid(),
    operatorName: z.string(),
    reference: z.string(),
    title: z.string(),
    funderIds: z.array(z.uuid()),
    price: z.object({ basis: z.enum(CONTRACT_PRICE_BASES), pence: z.number().int().optional() }),
    vehicleIds: z.array(z.uuid()),
    vehicleReferences: z.array(z.string()),
    runs: z.array(z.string()),
    startsOn: z.string(),
    endsOn: z.string(),
    breakDates: z.array(z.string()),
    status: z.enum(CONTRACT_STATUSES),
    endedOn: z.string().optional(),
    reason: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Contract", {
    description:
      "A contract between a buyer and an operator: its price (pence per day, mile or trip, or mileage at a rate), the operator's vehicles it prices in the buyer's plans while in force, the runs it covers, its dates and where it stands.",
  });
export type ContractPresented = z.infer<typeof contractSchema>;

const alignmentSchema = z
  .object({
    today: z.string(),
    groups: z.array(
      z.object({
        alignTo: z.string(),
        steps: z.array(
          z.object({
            contractId: z.uuid(),
            reference: z.string(),
            endsOn: z.string(),
            proposal: z.enum(["as-is", "extend", "break"]),
            lastDay: z.string(),
            days: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi("ContractAlignment", {
    description:
      "The buyer's signed contracts grouped to end together on the last day of a school year: each runs to it as it is, is extended to it, or ends at a break date near it.",
  });

const listQuery = z.object({
  side: z.enum(["bought", "supplied"]).default("bought").openapi({
    description: "Contracts your organisation bought, or supplies as the operator.",
  }),
  status: z.enum(CONTRACT_STATUSES).optional(),
});

const common = { security: AUTHENTICATED } as const;
const tags = ["Contracts"];
const conflict = {
  409: {
    description:
      "The buyer has a contract with that reference, or the contract cannot change so (signed already, not a break date, a day past).",
    content: CONFLICT_RESPONSE[409].content,
  },
};
const one = { description: "The contract.", content: json(contractSchema) };

export const listContractsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/contracts",
  summary: "Contracts your organisation bought, or supplies",
  request: { query: listQuery },
  responses: {
    200: {
      description: "The contracts, by reference.",
      content: json(z.object({ items: z.array(contractSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const contractAlignmentRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/contracts/alignment",
  summary: "How to align the expiry dates of your signed contracts",
  responses: {
    200: { description: "The proposed groups.", content: json(alignmentSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const getContractRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/contracts/{id}",
  summary: "One contract (either party)",
  request: { params: idParamSchema },
  responses: { 200: one, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export const createContractRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/contracts",
  summary: "Record a contract as a draft (the buyer's commissioners and administrators)",
  request: {
    body: { required: true, content: json(named(contractInputSchema, "ContractInput")) },
  },
  responses: { 201: one, ...conflict, ...COMMON_ERROR_RESPONSES },
});

export const updateContractRoute = createRoute({
  ...common,
  tags,
  method: "put",
  path: "/api/contracts/{id}",
  summary: "Rewrite a draft contract's terms (the buyer)",
  request: {
    params: idParamSchema,
    body: { required: true, content: json(named(contractInputSchema, "ContractInput")) },
  },
  responses: { 200: one, ...conflict, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

export const moveContractRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/contracts/{id}/status",
  summary: "Sign a draft, or end a contract at one of its break dates (the buyer)",
  request: {
    params: idParamSchema,
    body: { required: true, content: json(named(contractMoveSchema, "ContractMove")) },
  },
  responses: { 200: one, ...conflict, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
});

const handedBackSchema = contractSchema
  .extend({
    replanned: z.array(
      z.object({
        serviceDate: z.string(),
        tripsMoved: z.number().int(),
        tripsUnplaced: z.number().int(),
      }),
    ),
  })
  .openapi("HandedBackContract", {
    description:
      "The contract handed back, and each day of the buyer's operating plans re-planned without its vehicles: how many trips went to other runs and how many no run could take (the buyer's plan revisions say which, and what it costs).",
  });
export type HandedBackPresented = z.infer<typeof handedBackSchema>;

export const handBackContractRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/contracts/{id}/hand-back",
  summary: "Hand a contract back from a day not yet past (the operator)",
  request: {
    params: idParamSchema,
    body: { required: true, content: json(named(handBackSchema, "HandBack")) },
  },
  responses: {
    200: { description: "The contract, and the days re-planned.", content: json(handedBackSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const lotSchema = z.object({
  name: z.string(),
  runs: z.array(
    z.object({
      vehicleId: z.string(),
      vehicleReference: z.string(),
      start: z.number(),
      end: z.number(),
      trips: z.number().int(),
      costPence: z.number().int(),
    }),
  ),
  daysPerYear: z.number().int(),
  costPerDayPence: z.number().int(),
  estimatedCostPence: z.number().int(),
  needs: z.object({
    seats: z.number(),
    wheelchairs: z.number(),
    vehicleKinds: z.array(z.string()),
  }),
});

const proposedLotsSchema = z
  .object({
    planId: z.uuid(),
    serviceDate: z.string(),
    rule: z.enum(LOT_RULES),
    lots: z.array(lotSchema),
  })
  .openapi("ProposedLots", {
    description:
      "A plan's runs packaged into lots by a rule: each lot's runs (vehicle, first and last stop in minutes after midnight, trips, cost of a day), its days a year, estimated cost and the vehicle it needs. No passenger is named.",
  });

export const planLotsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/plans/{id}/lots",
  summary:
    "Lots proposed from a plan's runs: by school, by vehicle type, or joined into whole days",
  request: {
    params: idParamSchema,
    query: z.object({
      rule: z.string().max(40).openapi({
        description:
          "`school` (one school, one operator), `vehicle-type`, or `time-band` (runs joined into whole days).",
      }),
    }),
  },
  responses: {
    200: { description: "The lots, by name.", content: json(proposedLotsSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
