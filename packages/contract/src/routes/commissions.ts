import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema } from "../common";
import {
  COMMISSION_STATUSES,
  commissionAnswerSchema,
  commissionOfferSchema,
  completionSchema,
  disputeSchema,
  PERMIT_PASSENGER_CLASSES,
  TRIP_PURPOSES,
} from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const commissionSchema = z
  .object({
    id: z.uuid(),
    buyerId: z.uuid(),
    groupId: z.uuid(),
    planId: z.uuid(),
    tripRequestId: z.uuid(),
    date: z.string(),
    trip: z.object({
      reference: z.string(),
      purpose: z.enum(TRIP_PURPOSES),
      passengers: z.number().int(),
      timing: z.enum(["arrive-by", "depart-after"]),
      time: z.string(),
      pickup: z.string(),
      dropoff: z.string(),
      needs: z.array(z.string()),
    }),
    passengerClass: z.enum(PERMIT_PASSENGER_CLASSES),
    contractId: z.uuid().optional(),
    rate: z.object({ pence: z.number().int(), version: z.string(), source: z.string() }),
    deadline: z.string(),
    status: z.enum(COMMISSION_STATUSES),
    answeredAt: z.string().optional(),
    completion: z
      .object({
        date: z.string(),
        mileTenths: z.number().int(),
        driverStaffId: z.uuid(),
        vehicleId: z.uuid().optional(),
      })
      .optional(),
    disputeReason: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Commission", {
    description:
      "A trip of a buyer's plan offered to a community transport group: what the group needs to drive it (a pseudonymised passenger reference, pick-up, drop-off, time, needs; never a name), the agreed rate in pence a mile with its version and source, the time limit to answer, and where it stands. `status` is `lapsed` once the time limit passed unanswered.",
  });
export type CommissionPresented = z.infer<typeof commissionSchema>;

const lineSchema = z.object({
  commissionId: z.uuid(),
  date: z.string(),
  reference: z.string(),
  status: z.enum(COMMISSION_STATUSES),
  mileTenths: z.number().int(),
  ratePence: z.number().int(),
  rateVersion: z.string(),
  amountPence: z.number().int(),
  driverStaffId: z.uuid().optional(),
  disputeReason: z.string().optional(),
});

const count = z.number().int();
export const reconciliationSchema = z
  .object({
    month: z.string(),
    groups: z.array(
      z.object({
        buyerId: z.uuid(),
        buyerName: z.string(),
        groupId: z.uuid(),
        groupName: z.string(),
        month: z.string(),
        commissioned: count,
        completed: count,
        notCompleted: count,
        disputed: count,
        declined: count,
        lapsed: count,
        mileTenths: count,
        payablePence: count,
        disputedMileTenths: count,
        disputedPence: count,
        lines: z.array(lineSchema),
      }),
    ),
  })
  .openapi("CommissionReconciliation", {
    description:
      "A month's commissions per buyer and group: commissioned against completed, the miles (tenths) and the amount payable in pence (each journey's miles × rate rounded half up to whole pence, then summed), and the disputes held back.",
  });
export type ReconciliationPresented = z.infer<typeof reconciliationSchema>;

const monthQuery = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .openapi({ example: "2026-10" });

const common = { security: AUTHENTICATED } as const;
const tags = ["Community transport"];
const one = { description: "The commission.", content: json(commissionSchema) };
const conflict = {
  409: {
    description:
      "The commission cannot change so: answered already, the time limit passed, not accepted, or the trip is already offered.",
    content: CONFLICT_RESPONSE[409].content,
  },
};

export const offerCommissionsRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/commissions",
  summary:
    "Offer a plan's trips to a community transport group (the buyer's commissioners and administrators)",
  request: {
    body: { required: true, content: json(named(commissionOfferSchema, "CommissionOffer")) },
  },
  responses: {
    201: {
      description: "The commissions offered, one per trip.",
      content: json(z.object({ items: z.array(commissionSchema) })),
    },
    ...conflict,
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});

export const listCommissionsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/commissions",
  summary: "Commissions your organisation offered, or received as a group, for trips in a month",
  request: {
    query: z.object({
      side: z.enum(["offered", "received"]).default("offered"),
      month: monthQuery,
    }),
  },
  responses: {
    200: { description: "By date.", content: json(z.object({ items: z.array(commissionSchema) })) },
    ...COMMON_ERROR_RESPONSES,
  },
});

const move = (path: string, summary: string, schema: z.ZodType, name: string) =>
  createRoute({
    ...common,
    tags,
    method: "post",
    path,
    summary,
    request: {
      params: idParamSchema,
      body: { required: true, content: json(named(schema, name)) },
    },
    responses: { 200: one, ...conflict, ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE },
  });

export const answerCommissionRoute = move(
  "/api/commissions/{id}/answer",
  "Accept or decline, before the time limit (the group's operators and administrators)",
  commissionAnswerSchema,
  "CommissionAnswer",
);

export const completeCommissionRoute = move(
  "/api/commissions/{id}/completion",
  "Record the journey: day, miles, driver (the group's drivers, operators and administrators)",
  completionSchema,
  "CommissionCompletion",
);

export const disputeCommissionRoute = move(
  "/api/commissions/{id}/dispute",
  "Dispute an accepted or completed commission (the buyer's commissioners and administrators)",
  disputeSchema,
  "CommissionDispute",
);

const reconciliationQuery = z.object({
  month: monthQuery,
  group: z
    .uuid()
    .optional()
    .openapi({ description: "One counterpart: a group, or (for a group) a buyer." }),
});

export const reconciliationRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/community-transport/reconciliation",
  summary: "A month's reconciliation per buyer and group",
  request: { query: reconciliationQuery },
  responses: {
    200: { description: "The reconciliation.", content: json(reconciliationSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const reconciliationCsvRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/community-transport/reconciliation.csv",
  summary: "The month's payment export (CSV with a header row; no passenger's name)",
  request: { query: reconciliationQuery },
  responses: {
    200: {
      description: "The file.",
      content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...COMMON_ERROR_RESPONSES,
  },
});
