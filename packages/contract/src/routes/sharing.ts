import { createRoute, z } from "@hono/zod-openapi";
import { pageQueryShape, storedFieldsShape } from "../common";
import {
  AGREEMENT_STATUSES,
  agreementInputSchema,
  DATA_ITEMS,
  ORGANISATION_KINDS,
  SHARING_PURPOSES,
} from "../domain";
import { COMMON_ERROR_RESPONSES, CONFLICT_RESPONSE, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const agreementBodySchema = named(agreementInputSchema, "AgreementInput");

const approvalSchema = z.object({
  organisationId: z.uuid(),
  userId: z.uuid(),
  approvedAt: z.string().openapi({ format: "date-time" }),
});

const warningSchema = z.object({
  kind: z.enum(["review-due", "review-overdue", "ending", "ended-by-date"]),
  date: z.string(),
  message: z.string(),
});

export const agreementSchema = z
  .object({
    ...storedFieldsShape,
    reference: z.string(),
    title: z.string(),
    partnershipId: z.uuid().optional(),
    providers: z.array(z.uuid()),
    recipients: z.array(z.uuid()),
    purposes: z.array(z.enum(SHARING_PURPOSES)),
    dataItems: z.array(z.enum(DATA_ITEMS)),
    lawfulBasis: z.object({ article6: z.string(), article9: z.string().optional() }),
    caldicottApproval: z.object({ guardianName: z.string(), approvedOn: z.string() }).optional(),
    startDate: z.string(),
    reviewDate: z.string(),
    endDate: z.string(),
    status: z.enum(AGREEMENT_STATUSES),
    purposesVersion: z.number().int(),
    approvals: z.array(approvalSchema),
  })
  .openapi("Agreement");

export const agreementViewSchema = z
  .object({
    agreement: agreementSchema,
    parties: z
      .array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }))
      .openapi({ description: "Its providers, recipients and partnership, each once, by name." }),
    missingApprovals: z.array(z.uuid()).openapi({
      description: "Parties whose administrator has still to approve it.",
    }),
    warnings: z.array(warningSchema),
  })
  .openapi("AgreementView");
export type AgreementViewBody = z.infer<typeof agreementViewSchema>;

export const agreementListSchema = z
  .object({ items: z.array(agreementViewSchema) })
  .openapi("AgreementList");

export const agreementStatusBodySchema = z
  .object({
    status: z.enum(["active", "suspended", "ended"]),
    reason: z.string().trim().max(500).optional(),
  })
  .openapi("AgreementStatusChange");

export const partnershipSchema = z
  .object({
    organisationId: z.uuid(),
    name: z.string(),
    mixingPolicy: z.string(),
    members: z.array(
      z.object({ id: z.uuid(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
    ),
  })
  .openapi("Partnership");

export type PartnershipView = z.infer<typeof partnershipSchema>;

export const partnershipListSchema = z
  .object({ items: z.array(partnershipSchema) })
  .openapi("PartnershipList");

export const partnerSchema = z
  .object({
    organisationId: z.uuid(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    agreements: z.array(
      agreementSchema.pick({
        id: true,
        reference: true,
        title: true,
        purposes: true,
        dataItems: true,
        endDate: true,
      }),
    ),
  })
  .openapi("Partner");

export const partnerListSchema = z.object({ items: z.array(partnerSchema) }).openapi("PartnerList");
export type PartnerListView = z.infer<typeof partnerListSchema>;

export const sharedPassengerSchema = z
  .object({
    id: z.string().openapi({ description: "The passenger's id, or for analysis a pseudonym." }),
    pseudonymised: z.boolean(),
    reference: z.string().optional(),
    givenName: z.string().optional(),
    familyName: z.string().optional(),
    dateOfBirth: z.string().optional(),
    home: z
      .object({
        lat: z.number(),
        lon: z.number(),
        coarsenedToMetres: z.number(),
        address: z.string().optional(),
        postcode: z.string().optional(),
      })
      .optional(),
    travelNeeds: z
      .object({
        wheelchair: z.boolean(),
        passengerAssistant: z.boolean(),
        seating: z.string(),
        travelAlone: z.boolean(),
        doorThroughDoor: z.boolean(),
        mayNotTravelWithCount: z.number().int(),
        mayNotTravelWith: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .openapi("SharedPassenger", {
    description: "Only the data items the agreement covers are present; the rest are absent.",
  });

export const sharedPassengerPageSchema = z
  .object({
    items: z.array(sharedPassengerSchema),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    agreement: z.object({ id: z.uuid(), reference: z.string() }),
    dataItems: z.array(z.enum(DATA_ITEMS)),
  })
  .openapi("SharedPassengerPage");
export type SharedPassengerPageView = z.infer<typeof sharedPassengerPageSchema>;

const idParams = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, format: "uuid" }),
});
export const partnerParams = z.object({
  organisationId: z
    .string()
    .max(100)
    .openapi({ param: { name: "organisationId", in: "path" }, format: "uuid" }),
});
export const partnerQuerySchema = z.object({
  ...pageQueryShape,
  search: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: "Part of a name, a reference or a postcode (booking)." }),
  purpose: z.enum(SHARING_PURPOSES).openapi({ description: "Why: from the versioned list." }),
});

const common = { security: AUTHENTICATED } as const;
const tags = ["Partnerships and agreements"];
const errors = { ...COMMON_ERROR_RESPONSES, ...NOT_FOUND_RESPONSE } as const;

export const partnershipRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partnership",
  summary: "The partnership you sign in to, and its members",
  responses: {
    200: { description: "The partnership.", content: json(partnershipSchema) },
    ...errors,
  },
});

export const listPartnershipsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partnerships",
  summary:
    "The partnership you sign in to, or the partnerships your organisation is a member of, with their members",
  responses: {
    200: { description: "By name.", content: json(partnershipListSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const listAgreementsRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/agreements",
  summary: "The data-sharing agreements your organisation is a party to",
  responses: {
    200: { description: "By reference.", content: json(agreementListSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const draftAgreementRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/agreements",
  summary: "Draft a data-sharing agreement your organisation is a party to",
  request: { body: { required: true, content: json(agreementBodySchema) } },
  responses: {
    201: { description: "The draft.", content: json(agreementViewSchema) },
    ...COMMON_ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
  },
});

export const getAgreementRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/agreements/{id}",
  summary: "One agreement (parties only)",
  request: { params: idParams },
  responses: {
    200: { description: "The agreement.", content: json(agreementViewSchema) },
    ...errors,
  },
});

export const approveAgreementRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/agreements/{id}/approve",
  summary: "Approve an agreement for your own organisation (administrators)",
  request: { params: idParams },
  responses: {
    200: { description: "The agreement.", content: json(agreementViewSchema) },
    ...errors,
    ...CONFLICT_RESPONSE,
  },
});

export const changeAgreementStatusRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/agreements/{id}/status",
  summary:
    "Activate (every party approved), suspend (access stops at once; approvals are cleared) or end an agreement (administrators)",
  request: { params: idParams, body: { required: true, content: json(agreementStatusBodySchema) } },
  responses: {
    200: { description: "The agreement.", content: json(agreementViewSchema) },
    ...errors,
    ...CONFLICT_RESPONSE,
  },
});

export const listPartnersRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partners",
  summary: "Organisations that share data with yours today, and under which agreements",
  responses: {
    200: { description: "By name.", content: json(partnerListSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const partnerPassengersRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partners/{organisationId}/passengers",
  summary:
    "A partner's passengers, as an active agreement covering the purpose lets you see them (audited in the partner's log)",
  request: { params: partnerParams, query: partnerQuerySchema },
  responses: {
    200: { description: "Only the data items covered.", content: json(sharedPassengerPageSchema) },
    ...errors,
  },
});

export const partnerPassengersCsvRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/partners/{organisationId}/passengers.csv",
  summary:
    "Every passenger of a partner as CSV, in the same view as the JSON (audited in the partner's log)",
  description:
    "Only the columns of the data items the agreement covers: an item outside it is not a column of the file. For analysis, no identity or address columns, homes coarsened and passengers by pseudonym.",
  request: {
    params: partnerParams,
    query: z.object({ purpose: partnerQuerySchema.shape.purpose }),
  },
  responses: {
    200: { description: "The passengers.", content: { "text/csv": { schema: z.string() } } },
    ...errors,
  },
});
