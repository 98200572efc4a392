import { createRoute, z } from "@hono/zod-openapi";
import { pageQueryShape } from "../common";
import { COMMON_ERROR_RESPONSES } from "../errors";
import { AUTHENTICATED } from "./security";

export const AUDIT_ACTIONS = [
  "read",
  "list",
  "create",
  "update",
  "delete",
  "import",
  "export",
  "erase",
  "publish",
] as const;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    organisationId: z.uuid(),
    userId: z.uuid().nullable(),
    at: z.string().openapi({ format: "date-time" }),
    action: z.enum(AUDIT_ACTIONS),
    resource: z.string(),
    resourceIds: z.array(z.string()),
    purpose: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi("AuditEntry");
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  ...pageQueryShape,
  resource: z.string().max(64).optional().openapi({ example: "passengers" }),
  resourceId: z.string().max(64).optional().openapi({
    description: "Entries naming this record, e.g. a passenger's id: who has seen their record.",
  }),
  userId: z.uuid().optional().openapi({ description: "Entries of what this person did." }),
  agreementId: z
    .uuid()
    .optional()
    .openapi({ description: "Entries naming this data-sharing agreement." }),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditPersonSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
  })
  .openapi("AuditPerson", {
    description: "Someone named by an entry on the page: a user of yours or of a partner.",
  });
export type AuditPerson = z.infer<typeof auditPersonSchema>;

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    people: z.array(auditPersonSchema).openapi({
      description: "The users the page's entries name, with their organisations.",
    }),
  })
  .openapi("AuditPage");
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditLogRoute = createRoute({
  method: "get",
  path: "/api/audit-log",
  tags: ["Audit"],
  summary: "Who touched which personal data, when and why (auditors and admins)",
  description:
    "Your organisation's log only, newest first: reads of your data by partners under an agreement are in it, naming the agreement; filter by person, agreement or record.",
  security: AUTHENTICATED,
  request: { query: auditQuerySchema },
  responses: {
    200: {
      description: "Newest first.",
      content: { "application/json": { schema: auditPageSchema } },
    },
    ...COMMON_ERROR_RESPONSES,
  },
});
