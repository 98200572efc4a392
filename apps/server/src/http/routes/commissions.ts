import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MonthReconciliation } from "@tt/app";
import {
  answerCommissionRoute,
  type CommissionPresented,
  completeCommissionRoute,
  disputeCommissionRoute,
  listCommissionsRoute,
  offerCommissionsRoute,
  type ReconciliationPresented,
  reconciliationCsvRoute,
  reconciliationRoute,
} from "@tt/contract";
import type { Commission } from "@tt/domain";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

const present = (c: Commission): CommissionPresented => ({
  ...c,
  trip: { ...c.trip, needs: [...c.trip.needs] },
  rate: { ...c.rate },
  ...(c.completion ? { completion: { ...c.completion } } : {}),
});

const presentMonth = (r: MonthReconciliation): ReconciliationPresented => ({
  month: r.month,
  groups: r.groups.map((g) => ({ ...g, lines: [...g.lines] })),
});

/** The community transport hub: offers, answers, journeys, disputes and the month's reconciliation. */
export function mountCommissionRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { commissions } = services;

  app.openapi(offerCommissionsRoute, async (c) => {
    const items = await commissions.offer(actorOf(c), c.req.valid("json"));
    return c.json({ items: items.map(present) }, 201);
  });

  app.openapi(listCommissionsRoute, async (c) => {
    const { side, month } = c.req.valid("query");
    const items = await commissions.list(actorOf(c), side, month);
    return c.json({ items: items.map(present) }, 200);
  });

  app.openapi(answerCommissionRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await commissions.answer(actorOf(c), id, c.req.valid("json"))), 200);
  });

  app.openapi(completeCommissionRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await commissions.complete(actorOf(c), id, c.req.valid("json"))), 200);
  });

  app.openapi(disputeCommissionRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await commissions.dispute(actorOf(c), id, c.req.valid("json"))), 200);
  });

  app.openapi(reconciliationRoute, async (c) => {
    const { month, group } = c.req.valid("query");
    return c.json(presentMonth(await commissions.reconciliation(actorOf(c), month, group)), 200);
  });

  app.openapi(reconciliationCsvRoute, async (c) => {
    const { month, group } = c.req.valid("query");
    const csv = await commissions.reconciliationCsv(actorOf(c), month, group);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="community-transport-${month}.csv"`,
    });
  });
}
