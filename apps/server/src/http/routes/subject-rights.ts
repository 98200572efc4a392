import type { OpenAPIHono } from "@hono/zod-openapi";
import { type SubjectAccessExport, subjectAccessHtml } from "@tt/app";
import {
  erasePassengerRoute,
  type SubjectAccessExportBody,
  startRetentionRoute,
  subjectAccessRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentEntitlementDecision } from "../presenters/entitlement";

/** The export as the API returns it (the same fields, copied out of read-only arrays). */
function presentExport(data: SubjectAccessExport): SubjectAccessExportBody {
  return {
    ...data,
    tripRequests: [...data.tripRequests],
    cancellations: data.cancellations.map((c) => ({ ...c })),
    journeyEvents: data.journeyEvents.map((e) => ({ ...e })),
    taps: data.taps.map((t) => ({ ...t })),
    entitlementDecisions: data.entitlementDecisions.map(presentEntitlementDecision),
    plannedJourneys: [...data.plannedJourneys],
    access: [...data.access],
    sharedWith: [...data.sharedWith],
  };
}

/**
 * Data subjects' rights: `GET /api/passengers/{id}/subject-access` (JSON, or `?format=html`, a
 * page to send to the person), `POST /api/passengers/{id}/erasure` and `POST /api/retention`
 * (the retention schedule as a job). Both audited; the export
 * for auditors and administrators, erasure for administrators only.
 */
export function mountSubjectRightsRoutes(
  app: OpenAPIHono<HttpEnv>,
  services: ServerServices,
): void {
  app.openapi(subjectAccessRoute, async (c) => {
    const data = await services.subjectRights.export(actorOf(c), c.req.valid("param").id);
    if (c.req.valid("query").format === "html") return c.html(subjectAccessHtml(data), 200);
    return c.json(presentExport(data), 200);
  });

  app.openapi(startRetentionRoute, async (c) => {
    const started = await services.retention.start(actorOf(c), c.req.valid("json"));
    return c.json(started, 202);
  });

  app.openapi(erasePassengerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const result = await services.subjectRights.erase(actorOf(c), id, c.req.valid("json"));
    return c.json(result, 200);
  });
}
