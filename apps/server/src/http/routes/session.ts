import type { OpenAPIHono } from "@hono/zod-openapi";
import { type ApiTokenSummary, AppError, SESSION_HOURS, SignInThrottledError } from "@tt/app";
import {
  issueTokenRoute,
  listTokensRoute,
  meRoute,
  revokeTokenRoute,
  SESSION_COOKIE,
  signInRoute,
  signOutRoute,
} from "@tt/contract";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ServerServices } from "../../services";
import { actorOf, type HttpEnv, presentUser } from "../context";
import { clientAddressOf, type TrustedProxies } from "../middleware/client-address";

function cookieOptions(services: ServerServices) {
  return { path: "/", httpOnly: true, sameSite: "Lax", secure: services.secureCookies } as const;
}

function setSessionCookie(c: Context, services: ServerServices, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    ...cookieOptions(services),
    maxAge: SESSION_HOURS * 3600,
  });
}

/** Tokens are issued only to a signed-in person, so a leaked token cannot mint more. */
function requireSession(c: Context<HttpEnv>): void {
  if (c.get("credential") !== "session") {
    throw new AppError("forbidden", "Sign in with your password to issue an API token.");
  }
}

function presentToken(token: ApiTokenSummary) {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revoked: token.revoked,
  };
}

/**
 * Sign in and out with a session cookie, who am I, and API tokens. Sign-in failures are counted
 * per client address and per account by the auth service (a 429 carries `Retry-After`).
 */
export function mountSessionRoutes(
  app: OpenAPIHono<HttpEnv>,
  services: ServerServices,
  trustedProxies: TrustedProxies,
): void {
  app.openapi(signInRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const address = clientAddressOf(c, trustedProxies);
    const from = address ? { address } : {};
    const signedIn = await services.auth.signIn(email, password, from).catch((error: unknown) => {
      if (error instanceof SignInThrottledError) {
        c.header("Retry-After", String(error.retryAfterSeconds));
      }
      throw error;
    });
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
    requireSession(c);
    const { name, expiresInDays } = c.req.valid("json");
    const issued = await services.auth.issueApiToken(userId, name, expiresInDays);
    const expiresAt = issued.expiresAt.toISOString();
    return c.json({ id: issued.id, name, token: issued.token, expiresAt }, 201);
  });

  app.openapi(listTokensRoute, async (c) => {
    const { userId } = actorOf(c);
    const tokens = await services.auth.listApiTokens(userId);
    return c.json({ items: tokens.map(presentToken) }, 200);
  });

  app.openapi(revokeTokenRoute, async (c) => {
    const { userId } = actorOf(c);
    await services.auth.revokeApiToken(userId, c.req.valid("param").id);
    return c.body(null, 204);
  });
}
