import type { OpenAPIHono } from "@hono/zod-openapi";
import type { DpsApplicationView } from "@tt/app";
import {
  applicantComplianceRoute,
  applyToDpsRoute,
  type DpsApplicationPresented,
  decideDpsApplicationRoute,
  listDpsApplicationsRoute,
  listDpsBuyersRoute,
  withdrawDpsApplicationRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentComplianceRecord } from "./compliance";

const present = (application: DpsApplicationView): DpsApplicationPresented => ({
  ...application,
  categories: [...application.categories],
});

/** A buyer's dynamic purchasing system: applications, decisions, applicants' documents. */
export function mountDpsRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { dps } = services;

  app.openapi(listDpsBuyersRoute, async (c) => {
    return c.json({ items: await dps.buyers(actorOf(c)) }, 200);
  });

  app.openapi(listDpsApplicationsRoute, async (c) => {
    const { side, status } = c.req.valid("query");
    const items = await dps.list(actorOf(c), side, status);
    return c.json({ items: items.map(present) }, 200);
  });

  app.openapi(applyToDpsRoute, async (c) => {
    return c.json(present(await dps.apply(actorOf(c), c.req.valid("json"))), 201);
  });

  app.openapi(decideDpsApplicationRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await dps.decide(actorOf(c), id, c.req.valid("json"))), 200);
  });

  app.openapi(withdrawDpsApplicationRoute, async (c) => {
    return c.json(present(await dps.withdraw(actorOf(c), c.req.valid("param").id)), 200);
  });

  app.openapi(applicantComplianceRoute, async (c) => {
    const { operatorId } = c.req.valid("param");
    return c.json(presentComplianceRecord(await dps.complianceOf(actorOf(c), operatorId)), 200);
  });
}
