import type { OpenAPIHono } from "@hono/zod-openapi";
import { type ApiTokenSummary, AppError, isAppError, SESSION_HOURS } from "@tt/app";
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
import {
  clientAddress,
  emailKey,
  SignInThrottle,
  signInKeys,
} from "../middleware/sign-in-throttle";

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

/** Refuses with 429 and `Retry-After` while the email or the client address is throttled. */
function refuseIfThrottled(c: Context, throttle: SignInThrottle, keys: readonly string[]): void {
  const retryAfter = throttle.retryAfterSeconds(keys);
  if (retryAfter === undefined) return;
  c.header("Retry-After", String(retryAfter));
  throw new AppError("too-many-requests", "Too many failed sign-ins. Try again later.");
}

/** Sign in and out with a session cookie, who am I, and API tokens. */
export function mountSessionRoutes(app: OpenAPIHono<HttpEnv>, services: ServerServices): void {
  const throttle = new SignInThrottle(services.clock);

  app.openapi(signInRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const keys = signInKeys(email, clientAddress(c));
    refuseIfThrottled(c, throttle, keys);
    const signedIn = await services.auth.signIn(email, password).catch((error: unknown) => {
      if (isAppError(error) && error.code === "unauthenticated") throttle.recordFailure(keys);
      throw error;
    });
    throttle.reset(emailKey(email));
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
