import type { OpenAPIHono } from "@hono/zod-openapi";
import { auditLogRoute } from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

/**
 * The audit log of the caller's organisation, by person, agreement or record, with who each entry
 * names: auditors and admins only (`audit-log` grant).
 */
export function mountAuditRoute(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  app.openapi(auditLogRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await services.accessLog.list(actorOf(c), query);
    const items = page.items.map((entry) => ({ ...entry, resourceIds: [...entry.resourceIds] }));
    const people = page.people.map((person) => ({ ...person }));
    return c.json(
      { items, total: page.total, offset: query.offset, limit: query.limit, people },
      200,
    );
  });
}
