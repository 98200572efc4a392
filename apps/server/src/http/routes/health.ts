import type { OpenAPIHono } from "@hono/zod-openapi";
import { healthRoute } from "@tt/contract";
import type { ServerServices } from "../../services";
import type { HttpEnv } from "../context";

export function mountHealthRoute(
  app: OpenAPIHono<HttpEnv>,
  services: ServerServices,
  version: string,
): void {
  app.openapi(healthRoute, (c) =>
    c.json({ status: "ok" as const, database: services.driver, version }, 200),
  );
}
