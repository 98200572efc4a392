import type { OpenAPIHono } from "@hono/zod-openapi";
import { AppError } from "@tt/app";
import { organisationRoute } from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

/** `GET /api/organisation`: the caller's own organisation, its name and kind only. */
export function mountOrganisationRoute(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  app.openapi(organisationRoute, async (c) => {
    const actor = actorOf(c);
    const identity = services.unitOfWork.repositories.identity;
    const organisation = await identity.findOrganisation(actor.organisationId);
    if (!organisation) {
      throw new AppError("not-found", `Organisation ${actor.organisationId} was not found.`);
    }
    return c.json({ id: organisation.id, name: organisation.name, kind: organisation.kind }, 200);
  });
}
