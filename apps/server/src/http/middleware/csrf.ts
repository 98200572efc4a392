import { AppError } from "@tt/app";
import { CSRF_HEADER } from "@tt/contract";
import type { MiddlewareHandler } from "hono";
import { readBearer } from "./authenticate";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const OPT_OUT_LINK = /^\/api\/opt-out\/[^/]+$/;

/**
 * CSRF rule: a state-changing request that does not carry an API token must send the
 * `X-Requested-With` header. A cross-site form cannot set a custom header, and a cross-site script
 * cannot send one without a CORS preflight, which this server never grants. Requests with
 * `Authorization: Bearer` are exempt: browsers never attach that header on their own.
 */
export function requireCsrfHeader(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || readBearer(c.req.header("authorization"))) {
      return next();
    }
    // The opt-out link: keyed by its token, not by a session, so a forged request gains nothing,
    // and mail programs post it for one-click unsubscribe without custom headers (RFC 8058).
    if (OPT_OUT_LINK.test(c.req.path)) return next();
    if (!c.req.header(CSRF_HEADER)?.trim()) {
      throw new AppError(
        "forbidden",
        `Send the ${CSRF_HEADER} header with requests that change data (CSRF protection).`,
      );
    }
    await next();
  };
}
