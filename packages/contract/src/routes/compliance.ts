import { createRoute, z } from "@hono/zod-openapi";
import { idParamSchema, storedFieldsShape } from "../common";
import {
  COMPLIANCE_DOCUMENT_KIND_CODES,
  complianceDocumentInputSchema,
  SECTION_19_CLASSES,
} from "../domain";
import { COMMON_ERROR_RESPONSES, NOT_FOUND_RESPONSE } from "../errors";
import { named } from "../resources";
import { AUTHENTICATED } from "./security";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const KINDS = COMPLIANCE_DOCUMENT_KIND_CODES;

export const complianceDocumentBodySchema = named(
  complianceDocumentInputSchema,
  "ComplianceDocumentInput",
);

export const complianceDocumentSchema = z
  .object({
    ...storedFieldsShape,
    kind: z.enum(KINDS),
    vehicleId: z.uuid().optional(),
    issuer: z.string(),
    number: z.string(),
    validFrom: z.string().optional(),
    expiresOn: z.string(),
    passengerClasses: z.array(z.enum(SECTION_19_CLASSES)).optional(),
  })
  .openapi("ComplianceDocument", {
    description:
      "A licence, permit, insurance policy or MOT of your organisation (no `vehicleId`) or of one of its vehicles. A renewal is a new document.",
  });
export type ComplianceDocumentView = z.infer<typeof complianceDocumentSchema>;

const lapsedSchema = z.object({
  kind: z.enum(KINDS),
  vehicleId: z.uuid().optional(),
  number: z.string(),
  expiredOn: z.string(),
});

export const complianceRecordSchema = z
  .object({
    today: z.string(),
    items: z.array(complianceDocumentSchema),
    warnings: z.array(
      z.object({
        documentId: z.uuid(),
        daysLeft: z.number().int(),
        threshold: z.number().int().openapi({
          description: "The warning reached: 60, 30 or 7 days before expiry, or 0 once lapsed.",
        }),
        sentThresholds: z.array(z.number().int()).optional().openapi({
          description:
            "The holder's own list only: the warnings about this document already emailed to its operators and administrators (each once).",
        }),
      }),
    ),
    lapsed: z.array(lapsedSchema).openapi({
      description:
        "Lapsed today: the vehicle named, or every vehicle of yours for an organisation's document, is held back from day plans.",
    }),
    vehicles: z.record(z.string(), z.string()).openapi({
      description: "The references of the vehicles the documents name, by id.",
    }),
  })
  .openapi("ComplianceRecord");
export type ComplianceRecordView = z.infer<typeof complianceRecordSchema>;

const common = { security: AUTHENTICATED } as const;
const tags = ["Compliance documents"];

export const listComplianceRoute = createRoute({
  ...common,
  tags,
  method: "get",
  path: "/api/compliance-documents",
  summary: "Your organisation's licences, permits, insurance and MOTs, with expiry warnings",
  responses: {
    200: { description: "The documents and warnings.", content: json(complianceRecordSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const recordComplianceRoute = createRoute({
  ...common,
  tags,
  method: "post",
  path: "/api/compliance-documents",
  summary: "Record a document (a renewal is recorded as a new document)",
  request: { body: { required: true, content: json(complianceDocumentBodySchema) } },
  responses: {
    201: { description: "The document.", content: json(complianceDocumentSchema) },
    ...COMMON_ERROR_RESPONSES,
  },
});

export const deleteComplianceRoute = createRoute({
  ...common,
  tags,
  method: "delete",
  path: "/api/compliance-documents/{id}",
  summary: "Delete a document recorded by mistake",
  request: { params: idParamSchema },
  responses: {
    204: { description: "Deleted." },
    ...COMMON_ERROR_RESPONSES,
    ...NOT_FOUND_RESPONSE,
  },
});
