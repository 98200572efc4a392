import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  getPlanRoute,
  listPlansRoute,
  memberPlansRoute,
  planMapRoute,
  publishPlanRoute,
  startPlanRoute,
  withdrawPlanRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentPlan, presentPlanHeader } from "../presenters/plan";
import { presentPlanMap } from "../presenters/plan-map";

/**
 * Day plans as jobs: `POST /api/plans` starts one (202 with the job id; follow it with the job
 * routes), `GET /api/plans[/{id}]` read the stored plans. Roles need the
 * `plans` grant (write to start); other organisations' jobs and plans are not found.
 * `GET /api/plans/{id}/map` is the plan's stops with positions (homes rounded, audited).
 * `GET /api/partnership-plans?date=` is a member's own trips in its partnerships' plans.
 */
export function mountPlanRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { planning } = services;

  app.openapi(startPlanRoute, async (c) => {
    const accepted = await planning.startDayPlan(actorOf(c), c.req.valid("json"));
    return c.json(accepted, 202);
  });

  app.openapi(listPlansRoute, async (c) => {
    const query = c.req.valid("query");
    const page = await planning.listPlans(actorOf(c), query);
    const items = page.items.map(presentPlanHeader);
    return c.json({ items, total: page.total, offset: query.offset, limit: query.limit }, 200);
  });

  app.openapi(getPlanRoute, async (c) => {
    const plan = await planning.getPlan(actorOf(c), c.req.valid("param").id);
    return c.json(presentPlan(plan), 200);
  });

  app.openapi(publishPlanRoute, async (c) => {
    const published = await services.publication.publish(actorOf(c), c.req.valid("param").id);
    return c.json(
      { plan: presentPlanHeader(published.plan), superseded: published.superseded },
      200,
    );
  });

  app.openapi(withdrawPlanRoute, async (c) => {
    const plan = await services.publication.withdraw(actorOf(c), c.req.valid("param").id);
    return c.json(presentPlanHeader(plan), 200);
  });

  app.openapi(memberPlansRoute, async (c) => {
    const views = await services.memberPlans.listForDay(actorOf(c), c.req.valid("query").date);
    const items = views.map((v) => ({
      ...v,
      trips: v.trips.map((t) => ({ ...t })),
      unassigned: v.unassigned.map((u) => ({ ...u })),
    }));
    return c.json({ items }, 200);
  });

  app.openapi(planMapRoute, async (c) => {
    const map = await services.planMaps.getPlanMap(actorOf(c), c.req.valid("param").id);
    return c.json(presentPlanMap(map), 200);
  });
}
