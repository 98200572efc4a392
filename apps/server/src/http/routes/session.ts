import type { OpenAPIHono } from "@hono/zod-openapi";
import { SESSION_HOURS } from "@tt/app";
import { issueTokenRoute, meRoute, SESSION_COOKIE, signInRoute, signOutRoute } from "@tt/contract";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv, presentUser } from "../context";

function cookieOptions(services: ServerServices) {
  return { path: "/", httpOnly: true, sameSite: "Lax", secure: services.secureCookies } as const;
}

function setSessionCookie(c: Context, services: ServerServices, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    ...cookieOptions(services),
    maxAge: SESSION_HOURS * 3600,
  });
}

/** Sign in and out with a session cookie, who am I, and API tokens. */
export function mountSessionRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  app.openapi(signInRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const signedIn = await services.auth.signIn(email, password);
    setSessionCookie(c, services, signedIn.sessionToken);
    return c.json(presentUser(signedIn.user), 200);
  });

  app.openapi(signOutRoute, async (c) => {
    const sessionToken = getCookie(c, SESSION_COOKIE);
    if (sessionToken) await services.auth.signOut(sessionToken);
    deleteCookie(c, SESSION_COOKIE, cookieOptions(services));
    return c.body(null, 204);
  });

  app.openapi(meRoute, (c) => {
    actorOf(c);
    return c.json(presentUser(c.get("user")!), 200);
  });

  app.openapi(issueTokenRoute, async (c) => {
    const { userId } = actorOf(c);
    const { name } = c.req.valid("json");
    const issued = await services.auth.issueApiToken(userId, name);
    return c.json({ id: issued.id, name, token: issued.token }, 201);
  });
}
