import type { OpenAPIHono } from "@hono/zod-openapi";
import { authorise } from "@tt/app";
import { auditLogRoute } from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

/** The audit log of the caller's organisation: auditors and admins only (`audit-log` grant). */
export function mountAuditRoute(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  app.openapi(auditLogRoute, async (c) => {
    const actor = actorOf(c);
    authorise(actor, "audit-log", "read");
    const query = c.req.valid("query");
    const page = await services.unitOfWork.repositories.audit.list(actor.organisationId, query);
    const items = page.items.map((entry) => ({ ...entry, resourceIds: [...entry.resourceIds] }));
    return c.json({ items, total: page.total, offset: query.offset, limit: query.limit }, 200);
  });
}
