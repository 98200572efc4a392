import type { OpenAPIHono } from "@hono/zod-openapi";
import { EntitlementService } from "@tt/app";
import {
  assessEntitlementRoute,
  getEntitlementDecisionRoute,
  listEntitlementDecisionsRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentEntitlementDecision as present } from "../presenters/entitlement";

/**
 * Entitlement: `POST /api/entitlement/assess` decides a case and stores it with an audit row;
 * `GET /api/entitlement/decisions[/{id}]` read them back. The `entitlements` grant is checked in
 * the use case; other organisations' decisions are not found.
 */
export function mountEntitlementRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const entitlement = new EntitlementService(services.unitOfWork, services.clock);

  app.openapi(assessEntitlementRoute, async (c) => {
    const actor = actorOf(c);
    const body = c.req.valid("json");
    const stored = await entitlement.assess(actor, body.case, {
      purpose: actor.purpose ?? "entitlement: assess a case",
      ...(body.passengerId ? { passengerId: body.passengerId } : {}),
      ...(body.policyId ? { policyId: body.policyId } : {}),
      ...(body.localPolicyId ? { localPolicyId: body.localPolicyId } : {}),
      ...(body.assessedOn ? { assessedOn: body.assessedOn } : {}),
    });
    return c.json(present(stored), 201);
  });

  app.openapi(listEntitlementDecisionsRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await entitlement.list(actorOf(c), query);
    return c.json(
      {
        items: page.items.map(present),
        total: page.total,
        offset: query.offset,
        limit: query.limit,
      },
      200,
    );
  });

  app.openapi(getEntitlementDecisionRoute, async (c) => {
    const stored = await entitlement.get(actorOf(c), c.req.valid("param").id);
    return c.json(present(stored), 200);
  });
}
