import type { AuthService } from "@tt/app";
import { SESSION_COOKIE } from "@tt/contract";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { HttpEnv } from "../context";

/** `Authorization: Bearer tt_…` → the token, otherwise undefined. */
export function readBearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1];
}

/**
 * Puts the user on the context when the request carries a valid API token or session cookie.
 * Routes that need a user ask for it with `actorOf`, which answers 401 when there is none.
 */
export function authenticate(auth: AuthService): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const apiToken = readBearer(c.req.header("authorization"));
    const sessionToken = apiToken ? undefined : getCookie(c, SESSION_COOKIE);
    if (apiToken || sessionToken) {
      const user = await auth.authenticate(apiToken ? { apiToken } : { sessionToken });
      if (user) {
        c.set("user", user);
        c.set("credential", apiToken ? "token" : "session");
      }
    }
    await next();
  };
}
