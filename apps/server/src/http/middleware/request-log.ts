import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { HttpEnv } from "../context";

/**
 * One structured line per request: method, path (never the query string, which may hold search
 * terms about people), status, milliseconds and user id. Bodies are never logged.
 */
export function logRequests(logger: Logger): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    const line = { method: c.req.method, path: c.req.path, status, ms, userId: c.get("user")?.id };
    if (status >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  };
}
