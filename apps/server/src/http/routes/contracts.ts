import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ContractView } from "@tt/app";
import {
  type ContractPresented,
  contractAlignmentRoute,
  createContractRoute,
  getContractRoute,
  handBackContractRoute,
  listContractsRoute,
  moveContractRoute,
  planLotsRoute,
  updateContractRoute,
} from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";

const present = (contract: ContractView): ContractPresented => ({
  ...contract,
  price: { ...contract.price },
  funderIds: [...contract.funderIds],
  vehicleIds: [...contract.vehicleIds],
  vehicleReferences: [...contract.vehicleReferences],
  runs: [...contract.runs],
  breakDates: [...contract.breakDates],
});

/** The contract register: buyers record, sign and end contracts; operators read and hand back. */
export function mountContractRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const { contracts, lots } = services;

  app.openapi(listContractsRoute, async (c) => {
    const { side, status } = c.req.valid("query");
    const items = await contracts.list(actorOf(c), side, status);
    return c.json({ items: items.map(present) }, 200);
  });

  app.openapi(contractAlignmentRoute, async (c) => {
    const { today, groups } = await contracts.alignment(actorOf(c));
    return c.json({ today, groups: groups.map((g) => ({ ...g, steps: [...g.steps] })) }, 200);
  });

  app.openapi(getContractRoute, async (c) => {
    return c.json(present(await contracts.get(actorOf(c), c.req.valid("param").id)), 200);
  });

  app.openapi(createContractRoute, async (c) => {
    return c.json(present(await contracts.create(actorOf(c), c.req.valid("json"))), 201);
  });

  app.openapi(updateContractRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await contracts.update(actorOf(c), id, c.req.valid("json"))), 200);
  });

  app.openapi(planLotsRoute, async (c) => {
    const proposed = await lots.propose(
      actorOf(c),
      c.req.valid("param").id,
      c.req.valid("query").rule,
    );
    const present = proposed.lots.map((l) => ({
      ...l,
      runs: [...l.runs],
      needs: { ...l.needs, vehicleKinds: [...l.needs.vehicleKinds] },
    }));
    return c.json({ ...proposed, lots: present }, 200);
  });

  app.openapi(handBackContractRoute, async (c) => {
    const { id } = c.req.valid("param");
    const handed = await contracts.handBack(actorOf(c), id, c.req.valid("json"));
    // The operator learns how many of the buyer's trips moved; which, and the buyer's costs,
    // stay with the buyer (its plan revisions).
    const replanned = handed.replanned.map((day) => ({
      serviceDate: day.serviceDate,
      tripsMoved: day.moved.length,
      tripsUnplaced: day.unassigned.length,
    }));
    return c.json({ ...present(handed), replanned }, 200);
  });

  app.openapi(moveContractRoute, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await contracts.move(actorOf(c), id, c.req.valid("json"))), 200);
  });
}
