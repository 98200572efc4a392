import { createRoute, z } from "@hono/zod-openapi";
import { pageQueryShape, pageSchema } from "../common";
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
  resourceId: z.string().max(64).optional(),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditPageSchema = pageSchema(auditEntrySchema, "AuditPage");
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditLogRoute = createRoute({
  method: "get",
  path: "/api/audit-log",
  tags: ["Audit"],
  summary: "Who touched which personal data, when and why (auditors and admins)",
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
