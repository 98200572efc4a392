import { createRoute, z } from "@hono/zod-openapi";
import {
  bidInputSchema,
  competitionInputSchema,
  DPS_CATEGORIES,
  LOT_RULES,
  qualityInputSchema,
} from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { lotSchema } from "./contracts";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const pathId = (name: string) =>
  z
    .string()
    .max(100)
    .openapi({ param: { name, in: "path" }, format: "uuid" });

export const bidSchema = z
  .object({
    id: z.uuid(),
    competitionId: z.uuid(),
    lotId: z.uuid(),
    operatorId: z.uuid(),
    pricePence: z.number().int(),
    vehicleIds: z.array(z.uuid()),
    staffIds: z.array(z.uuid()),
    quality: z.number().int().optional(),
    unfit: z.array(z.string()),
    submittedAt: z.string(),
  })
  .openapi("Bid", {
    description:
      "A sealed bid: a day's price, the vehicles and the people (drivers, passenger assistants) offered, with what the engine found they cannot carry (`unfit`, empty when they fit) and the buyer's quality mark once opened.",
  });
export type BidPresented = z.infer<typeof bidSchema>;

export const competitionSchema = z
  .object({
    id: z.uuid(),
    buyerId: z.uuid(),
    buyerName: z.string(),
    planId: z.uuid(),
    rule: z.enum(LOT_RULES),
    title: z.string(),
    categories: z.array(z.enum(DPS_CATEGORIES)),
    deadline: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    priceWeight: z.number().int(),
    open: z.boolean(),
    lots: z.array(
      lotSchema.extend({
        id: z.uuid(),
        contractId: z.uuid().optional(),
        // The buyer's estimates and today's vehicles: for the buyer only.
        costPerDayPence: z.number().int().optional(),
        estimatedCostPence: z.number().int().optional(),
        runs: z.array(
          lotSchema.shape.runs.element.extend({ costPence: z.number().int().optional() }),
        ),
      }),
    ),
    invited: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
    myBids: z.array(bidSchema).optional(),
    createdAt: z.string(),
  })
  .openapi("Competition", {
    description:
      "A mini-competition: lots packaged from the buyer's plan (no passenger in them), the DPS categories invited, the deadline before which no bid can be read, the contract term and the weight of price. The buyer sees whom it invited; an invited operator its own bids.",
  });
export type CompetitionPresented = z.infer<typeof competitionSchema>;

const rankedSchema = z
  .array(
    z.object({
      lotId: z.uuid(),
      name: z.string(),
      contractId: z.uuid().optional(),
      ranked: z.array(
        z.object({
          bid: bidSchema,
          operatorName: z.string(),
          priceScore: z.number(),
          qualityScore: z.number(),
          score: z.number(),
        }),
      ),
    }),
  )
  .openapi("CompetitionEvaluation", {
    description:
      "Each lot's bids ranked, best first: price scores its weight for the cheapest bid and in proportion for the others, quality the rest by the buyer's mark; a bid that cannot serve the lot comes after those that can; ties to the cheaper, then the earlier.",
  });

const common = { security: AUTHENTICATED } as const;
const tags = ["Competitions"];
const conflict = {
  409: {
    description:
      "Bids sealed until the deadline (even to an administrator), the competition closed, the lot awarded, or the bid unfit or its documents lapsed.",
    content: CONFLICT_RESPONSE[409].content,
  },
};
const params = z.object({ id: pathId("id") });

export const listCompetitionsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/competitions",
  summary: "Competitions your organisation put out, or was invited to",
  request: {
    query: z.object({ side: z.enum(["bought", "invited"]).default("bought") }),
  },
  responses: {
    200: {
      description: "The competitions, newest first.",
      content: json(z.object({ items: z.array(competitionSchema) })),
    },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const createCompetitionRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/competitions",
  summary: "Put a plan's lots out to the operators admitted to your DPS in some categories",
  request: {
    body: { required: true, content: json(named(competitionInputSchema, "CompetitionInput")) },
  },
  responses: {
    201: { description: "The competition.", content: json(competitionSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const getCompetitionRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/competitions/{id}",
  summary: "One competition (its buyer, or an operator invited)",
  request: { params },
  responses: {
    200: { description: "The competition.", content: json(competitionSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const placeBidRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/competitions/{id}/bids",
  summary: "Bid for a lot, sealed, before the deadline (an invited operator)",
  request: {
    params,
    body: { required: true, content: json(named(bidInputSchema, "BidInput")) },
  },
  responses: {
    201: { description: "The bid.", content: json(bidSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const competitionBidsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/competitions/{id}/bids",
  summary: "The bids, ranked per lot, once the deadline has passed (the buyer)",
  request: { params },
  responses: {
    200: { description: "Each lot's bids, best first.", content: json(rankedSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const markBidQualityRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/competitions/{id}/bids/{bidId}/quality",
  summary: "Mark a bid's quality, 0–100, once the bids are open (the buyer)",
  request: {
    params: z.object({ id: pathId("id"), bidId: pathId("bidId") }),
    body: { required: true, content: json(named(qualityInputSchema, "QualityMark")) },
  },
  responses: {
    200: { description: "The bid.", content: json(bidSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const awardLotRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/competitions/{id}/lots/{lotId}/award",
  summary: "Award a lot to a bid: the contract is made and signed (the buyer)",
  request: {
    params: z.object({ id: pathId("id"), lotId: pathId("lotId") }),
    body: {
      required: true,
      content: json(z.object({ bidId: z.uuid() }).openapi("Award")),
    },
  },
  responses: {
    200: { description: "The lots' bids, with the award.", content: json(rankedSchema) },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
