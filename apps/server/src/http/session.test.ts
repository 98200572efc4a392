import { AuthService, type Clock, createMemorySignInAttemptStore, hashSecret } from "@tt/app";
import { ApiError, createClient } from "@tt/contract";
import { listTestDrivers } from "@tt/db";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createHttpApp } from "./app";
import { parseTrustedProxies, type TrustedProxies } from "./middleware/client-address";
import { caller, PASSWORD, useFixture } from "./test-support/fixture";
import { validInputs } from "./test-support/inputs";

const EMAIL = "booking-agent@county.example";
const MINUTE_MS = 60_000;

/** A clock the test moves by hand. */
function manualClock(start = new Date("2026-03-02T09:00:00Z")) {
  let now = start.getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

/** Node's bindings as `@hono/node-server` passes them: the connection's remote address. */
function fromAddress(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress } } };
}

/** The session token and attributes from a Set-Cookie header. */
function parseCookie(header: string | null) {
  const [pair = "", ...attributes] = (header ?? "").split(";").map((part) => part.trim());
  return {
    token: pair.replace(/^tt_session=/, ""),
    attributes: attributes.map((a) => a.toLowerCase()),
  };
}

for (const driver of listTestDrivers()) {
  describe(`sessions and tokens (${driver.name})`, () => {
    const fixture = useFixture(driver.open);

    async function signIn(password = PASSWORD) {
      return fixture().call("POST", "/api/session", { json: { email: EMAIL, password } });
    }

    it("signs in, sets a HttpOnly, SameSite=Lax, Secure cookie and returns the user", async () => {
      const res = await signIn();
      expect(res.status).toBe(200);
      const user = (await res.json()) as Record<string, unknown>;
      expect(user).toMatchObject({ email: EMAIL, role: "booking-agent" });
      expect(user).not.toHaveProperty("passwordHash");
      const cookie = parseCookie(res.headers.get("set-cookie"));
      expect(cookie.token.length).toBeGreaterThan(20);
      expect(cookie.attributes).toEqual(
        expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]),
      );
      const me = await fixture().call("GET", "/api/me", { cookie: cookie.token });
      expect(await me.json()).toMatchObject({ email: EMAIL });
    });

    it("leaves Secure off when the server is configured for plain HTTP", async () => {
      const { services } = fixture();
      const app = createHttpApp(
        { ...services, secureCookies: false },
        { logger: pino({ level: "silent" }) },
      );
      const res = await caller(app)("POST", "/api/session", {
        json: { email: EMAIL, password: PASSWORD },
      });
      expect(res.status).toBe(200);
      expect(parseCookie(res.headers.get("set-cookie")).attributes).not.toContain("secure");
    });

    it("answers 401 for a wrong password or an unknown email, with the same message", async () => {
      const wrong = await signIn("not the right password");
      expect(wrong.status).toBe(401);
      const unknown = await fixture().call("POST", "/api/session", {
        json: { email: "nobody@county.example", password: PASSWORD },
      });
      expect(unknown.status).toBe(401);
      const [a, b] = [(await wrong.json()) as object, (await unknown.json()) as object];
      expect(a).toEqual(b);
      expect(a).toMatchObject({ code: "unauthenticated" });
    });

    it("requires X-Requested-With on cookie requests that change data (CSRF)", async () => {
      const { call, county } = fixture();
      const cookie = parseCookie((await signIn()).headers.get("set-cookie")).token;
      const json = validInputs({}, "csrf").places;
      const refused = await call("POST", "/api/places", { cookie, json, csrf: false });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "forbidden" });
      expect((await call("POST", "/api/places", { cookie, json })).status).toBe(201);
      const noHeaderSignIn = await call("POST", "/api/session", {
        json: { email: EMAIL, password: PASSWORD },
        csrf: false,
      });
      expect(noHeaderSignIn.status).toBe(403);
      const token = county.users.admin.token;
      const withBearer = validInputs({}, "bearer").places;
      const bearer = await call("POST", "/api/places", { token, json: withBearer, csrf: false });
      expect(bearer.status).toBe(201);
    });

    it("issues an API token once, and the token authenticates as the user", async () => {
      const { call } = fixture();
      const cookie = parseCookie((await signIn()).headers.get("set-cookie")).token;
      const issued = await call("POST", "/api/tokens", { cookie, json: { name: "laptop" } });
      expect(issued.status).toBe(201);
      const { token } = (await issued.json()) as { token: string };
      expect(token.startsWith("tt_")).toBe(true);
      const me = await call("GET", "/api/me", { token });
      expect(await me.json()).toMatchObject({ email: EMAIL });
      expect((await call("GET", "/api/me", { token: "tt_forged" })).status).toBe(401);
      expect((await call("GET", "/api/me")).status).toBe(401);
    });

    it("signs out: clears the cookie and ends the session", async () => {
      const { call } = fixture();
      const cookie = parseCookie((await signIn()).headers.get("set-cookie")).token;
      const out = await call("DELETE", "/api/session", { cookie });
      expect(out.status).toBe(204);
      expect(parseCookie(out.headers.get("set-cookie")).attributes).toContain("max-age=0");
      expect((await call("GET", "/api/me", { cookie })).status).toBe(401);
    });

    describe("sign-in throttling", () => {
      /** An app with its own auth service (fresh counters) on a clock the test moves. */
      function throttledApp(trustedProxies?: TrustedProxies) {
        const { services } = fixture();
        const time = manualClock();
        const auth = new AuthService(services.unitOfWork, time.clock, {
          signInAttempts: createMemorySignInAttemptStore(),
        });
        const app = createHttpApp(
          { ...services, auth, clock: time.clock },
          { logger: pino({ level: "silent" }), ...(trustedProxies ? { trustedProxies } : {}) },
        );
        const signInAs = (email: string, password: string, address?: string, forwarded?: string) =>
          app.request(
            "/api/session",
            {
              method: "POST",
              headers: {
                "content-type": "application/json",
                "x-requested-with": "tests",
                ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
              },
              body: JSON.stringify({ email, password }),
            },
            address ? fromAddress(address) : undefined,
          );
        return { signInAs, time };
      }

      it("never locks a real user out for made-up emails tried from the same address", async () => {
        const { signInAs } = throttledApp();
        const office = "203.0.113.7";
        for (let attempt = 1; attempt <= 20; attempt++) {
          const res = await signInAs(`nobody-${attempt}@county.example`, PASSWORD, office);
          expect(res.status).toBe(401);
        }
        const blocked = await signInAs("nobody-21@county.example", PASSWORD, office);
        expect(blocked.status).toBe(429);
        expect(blocked.headers.get("retry-after")).toBe("900");
        expect(await blocked.json()).toMatchObject({ code: "too-many-requests", details: [] });
        expect((await signInAs(EMAIL, "wrong password", office)).status).toBe(429);
        expect((await signInAs(EMAIL, PASSWORD, office)).status).toBe(200);
        expect((await signInAs("nobody-1@county.example", PASSWORD, "203.0.113.8")).status).toBe(
          401,
        );
      });

      it("keeps the owner out for seconds at most when ten addresses guess their password", async () => {
        const { signInAs, time } = throttledApp();
        expect((await signInAs(EMAIL, PASSWORD, "192.0.2.10")).status).toBe(200);
        for (let attempt = 1; attempt <= 10; attempt++) {
          await signInAs(EMAIL, "wrong password", `198.51.100.${attempt}`);
        }
        expect((await signInAs(EMAIL, PASSWORD, "192.0.2.10")).status).toBe(200);
        const elsewhere = await signInAs(EMAIL.toUpperCase(), PASSWORD, "198.51.100.99");
        expect(elsewhere.status).toBe(429);
        const wait = Number(elsewhere.headers.get("retry-after"));
        expect(wait).toBeGreaterThan(0);
        expect(wait).toBeLessThanOrEqual(8);
        time.advance(wait * 1000);
        expect((await signInAs(EMAIL, PASSWORD, "198.51.100.99")).status).toBe(200);
      });

      it("ignores X-Forwarded-For unless the proxy is trusted", async () => {
        const untrusted = throttledApp();
        const proxy = "10.0.0.5";
        for (let attempt = 1; attempt <= 20; attempt++) {
          const forged = `192.0.2.${attempt}`;
          await untrusted.signInAs(`nobody-${attempt}@county.example`, "x", proxy, forged);
        }
        const next = await untrusted.signInAs("n@county.example", "x", proxy, "192.0.2.99");
        expect(next.status).toBe(429);

        const trusted = throttledApp(parseTrustedProxies("10.0.0.0/8"));
        for (let attempt = 1; attempt <= 21; attempt++) {
          const client = `192.0.2.${attempt}`;
          const res = await trusted.signInAs(
            `nobody-${attempt}@county.example`,
            "x",
            proxy,
            client,
          );
          expect(res.status).toBe(401);
        }
      });
    });

    it("purges expired sessions when someone signs in", async () => {
      const { services } = fixture();
      const time = manualClock();
      const auth = new AuthService(services.unitOfWork, time.clock);
      const identity = services.unitOfWork.repositories.identity;
      const first = await auth.signIn(EMAIL, PASSWORD);
      const earlier = time.clock.now();
      expect(await identity.findSessionUser(hashSecret(first.sessionToken), earlier)).toBeDefined();
      time.advance(13 * 60 * MINUTE_MS);
      await auth.signIn(EMAIL, PASSWORD);
      expect(
        await identity.findSessionUser(hashSecret(first.sessionToken), earlier),
      ).toBeUndefined();
    });

    it("works end to end through the contract's typed client", async () => {
      const { app, county } = fixture();
      const client = createClient({
        baseUrl: "http://localhost",
        token: county.users.admin.token,
        fetch: async (url, init) => app.request(url, init),
      });
      expect(await client.me()).toMatchObject({ role: "admin" });
      const funder = await client.create("funders", { name: "Client NHS", kind: "nhs" });
      const replaced = await client.update("funders", funder.id, {
        name: "Client ICB",
        kind: "nhs",
      });
      expect(replaced.name).toBe("Client ICB");
      expect((await client.list("funders", { kind: "nhs" })).items.map((f) => f.id)).toEqual([
        funder.id,
      ]);
      await client.withPurpose("client check").get("passengers", county.rows.passengers);
      const audit = await client.auditLog({ resourceId: county.rows.passengers });
      expect(audit.items[0]).toMatchObject({ action: "read", purpose: "client check" });
      await client.remove("funders", funder.id);
      const missing = await client.get("funders", funder.id).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(ApiError);
      expect(missing).toMatchObject({ status: 404, code: "not-found" });
    });
  });
}
