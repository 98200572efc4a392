import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ListQuery } from "@tt/app";
import { REGISTER_ROUTES, RESOURCE_KINDS, type ResourceKind } from "@tt/contract";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv } from "../context";
import { presentPage, presentRecord } from "../presenters/register";

/** `?offset&limit&search&…` → the repository's list query; the rest are exact-match filters. */
export function toListQuery(query: Record<string, unknown>): ListQuery {
  const { offset, limit, search, ...rest } = query;
  const filters: Record<string, string> = {};
  for (const [name, value] of Object.entries(rest)) {
    if (typeof value === "string") filters[name] = value;
  }
  return {
    offset: Number(offset),
    limit: Number(limit),
    ...(typeof search === "string" && search !== "" ? { search } : {}),
    filters,
  };
}

/** Validate → RegisterService → present, for one register resource. */
function mountResource(app: OpenAPIHono<HttpEnv>, services: ServerServices, kind: ResourceKind) {
  const routes = REGISTER_ROUTES[kind];
  const { register } = services;

  app.openapi(routes.list, async (c) => {
    const query = toListQuery(c.req.valid("query"));
    const page = await register.list(actorOf(c), kind, query);
    return c.json(presentPage(page, query), 200);
  });

  app.openapi(routes.get, async (c) => {
    const record = await register.get(actorOf(c), kind, c.req.valid("param").id);
    return c.json(presentRecord(record), 200);
  });

  app.openapi(routes.create, async (c) => {
    const record = await register.create(actorOf(c), kind, c.req.valid("json"));
    return c.json(presentRecord(record), 201);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid("param");
    const record = await register.update(actorOf(c), kind, id, c.req.valid("json"));
    return c.json(presentRecord(record), 200);
  });

  app.openapi(routes.remove, async (c) => {
    await register.remove(actorOf(c), kind, c.req.valid("param").id);
    return c.body(null, 204);
  });
}

/** CRUD for every resource of the register, at `/api/{passengers|places|…}` and `/{id}`. */
export function mountRegisterRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  for (const kind of RESOURCE_KINDS) mountResource(app, services, kind);
}
