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
    const line = {
      method: c.req.method,
      path: loggedPath(c.req.path),
      status,
      ms,
      userId: c.get("user")?.id,
    };
    if (status >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  };
}

/** The path as logged: an opt-out link's token (a key that stops someone's messages) left out. */
export function loggedPath(path: string): string {
  return path.replace(/^\/api\/opt-out\/[^/]+$/, "/api/opt-out/{token}");
}
