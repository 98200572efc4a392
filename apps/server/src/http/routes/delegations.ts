import type { OpenAPIHono } from "@hono/zod-openapi";
import type { DelegationView } from "@tt/app";
import {
  answerDelegationRoute,
  createDelegationRoute,
  type DelegationPresented,
  delegationSpendRoute,
  importNeedsSurveyRoute,
  listDelegationsRoute,
  listUnmetDemandRoute,
  updateDelegationRoute,
  withdrawDelegationRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { assertCsv, chunksOf } from "./csv";

const present = (d: DelegationView): DelegationPresented => ({
  ...d,
  area: JSON.parse(JSON.stringify(d.area)) as DelegationPresented["area"],
});

/** Local consortia: delegated budgets and areas, spend against them, parish needs surveys. */
export function mountDelegationRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { delegations, needsSurveys } = services;

  app.openapi(listDelegationsRoute, async (c) => {
    const items = await delegations.list(actorOf(c), c.req.valid("query").side);
    return c.json({ items: items.map(present) }, 200);
  });

  app.openapi(createDelegationRoute, async (c) => {
    return c.json(present(await delegations.create(actorOf(c), c.req.valid("json"))), 201);
  });

  app.openapi(updateDelegationRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await delegations.update(actorOf(c), id, c.req.valid("json"))), 200);
  });

  app.openapi(answerDelegationRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await delegations.answer(actorOf(c), id, c.req.valid("json"))), 200);
  });

  app.openapi(withdrawDelegationRoute, async (c) => {
    return c.json(present(await delegations.withdraw(actorOf(c), c.req.valid("param").id)), 200);
  });

  app.openapi(delegationSpendRoute, async (c) => {
    const spend = await delegations.spend(actorOf(c), c.req.valid("param").id);
    return c.json(
      {
        ...spend,
        delegation: present(spend.delegation),
        contracts: spend.contracts.map((k) => ({ ...k, commitment: { ...k.commitment } })),
      },
      200,
    );
  });

  app.openapi(importNeedsSurveyRoute, async (c) => {
    assertCsv(c.req.header("content-type"));
    const { survey } = c.req.valid("query");
    const report = await needsSurveys.importCsv(actorOf(c), survey, chunksOf(c.req.raw.body));
    return c.json(report, 201);
  });

  app.openapi(listUnmetDemandRoute, async (c) => {
    const items = await needsSurveys.list(actorOf(c));
    return c.json({ items: items.map((r) => ({ ...r, days: [...r.days] })) }, 200);
  });
}
