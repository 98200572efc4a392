import type { OpenAPIHono } from "@hono/zod-openapi";
import { planChangesRoute, planRevisionsRoute } from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentRun } from "../presenters/plan";

/**
 * A plan's history: `GET /api/plans/{id}/revisions` (who changed what, when and why) and
 * `GET /api/plans/{id}/changes` (the runs a revision changed, before and after).
 */
export function mountPlanRevisionRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { revisions } = services;

  app.openapi(planRevisionsRoute, async (c) => {
    const entries = await revisions.history(actorOf(c), c.req.valid("param").id);
    const items = entries.map(({ handBack, ...e }) => ({
      ...e,
      vehicles: [...e.vehicles],
      ...(handBack
        ? {
            handBack: {
              ...handBack,
              moved: handBack.moved.map((m) => ({ ...m })),
              unassigned: handBack.unassigned.map((u) => ({ ...u })),
            },
          }
        : {}),
    }));
    return c.json({ items }, 200);
  });

  app.openapi(planChangesRoute, async (c) => {
    const changes = await revisions.changes(actorOf(c), c.req.valid("param").id);
    const runs = changes.runs.map((change) => ({
      vehicleId: change.vehicleId,
      before: change.before && presentRun(change.before),
      after: change.after && presentRun(change.after),
    }));
    return c.json({ revisedFrom: changes.revisedFrom, runs }, 200);
  });
}
