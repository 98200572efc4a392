import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ComplianceRecord, SentExpiryWarning } from "@tt/app";
import {
  type ComplianceDocumentView,
  type ComplianceRecordView,
  deleteComplianceRoute,
  listComplianceRoute,
  recordComplianceRoute,
} from "@tt/contract";
import type { ComplianceDocument } from "@tt/domain";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

const presentDocument = (document: ComplianceDocument): ComplianceDocumentView => ({
  ...document,
});

/**
 * An organisation's documents with their warnings and what has lapsed, as the API shows them;
 * with `sent` (the holder's own list), which warnings were emailed.
 */
export function presentComplianceRecord(
  found: ComplianceRecord & { readonly sent?: readonly SentExpiryWarning[] },
): ComplianceRecordView {
  const sent = found.sent;
  return {
    today: found.today,
    items: found.documents.map(presentDocument),
    warnings: found.warnings.map((w) => ({
      documentId: w.document.id,
      daysLeft: w.daysLeft,
      threshold: w.threshold,
      ...(sent
        ? {
            sentThresholds: sent
              .filter((s) => s.documentId === w.document.id)
              .map((s) => s.threshold),
          }
        : {}),
    })),
    lapsed: found.lapsed.map(({ holderId: _own, ...lapse }) => lapse),
    vehicles: { ...found.vehicles },
  };
}

/** Compliance documents: list with warnings, record, delete. Compliance grant (read, write). */
export function mountComplianceRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { compliance } = services;

  app.openapi(listComplianceRoute, async (c) => {
    return c.json(presentComplianceRecord(await compliance.list(actorOf(c))), 200);
  });

  app.openapi(recordComplianceRoute, async (c) => {
    const stored = await compliance.record(actorOf(c), c.req.valid("json"));
    return c.json(presentDocument(stored), 201);
  });

  app.openapi(deleteComplianceRoute, async (c) => {
    await compliance.remove(actorOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
