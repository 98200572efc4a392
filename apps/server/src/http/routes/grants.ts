import type { OpenAPIHono } from "@hono/zod-openapi";
import { type GrantView, listGrantsRoute, offerGrantRoute, withdrawGrantRoute } from "@tt/contract";
import type { AvailabilityGrant } from "@tt/domain";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

function presentGrant(grant: AvailabilityGrant): GrantView {
  return {
    ...grant,
    vehicleIds: [...grant.vehicleIds],
    weekdays: [...grant.weekdays],
    funderIds: [...grant.funderIds],
  };
}

/** Availability grants: offer, list (made or received), withdraw. Vehicles grant (read, write). */
export function mountGrantRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { grants } = services;

  app.openapi(listGrantsRoute, async (c) => {
    const actor = actorOf(c);
    const made = c.req.valid("query").direction === "made";
    const items = made ? await grants.listMade(actor) : await grants.listReceived(actor);
    return c.json({ items: items.map(presentGrant) }, 200);
  });

  app.openapi(offerGrantRoute, async (c) => {
    const grant = await grants.offer(actorOf(c), c.req.valid("json"));
    return c.json(presentGrant(grant), 201);
  });

  app.openapi(withdrawGrantRoute, async (c) => {
    await grants.withdraw(actorOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
