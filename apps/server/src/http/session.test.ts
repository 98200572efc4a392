import { AuthService, type Clock, hashSecret } from "@tt/app";
import { ApiError, createClient } from "@tt/contract";
import { listTestDrivers } from "@tt/db";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createHttpApp } from "./app";
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
      /** An app of its own (its own throttle) on a clock the test moves. */
      function throttledApp() {
        const { services } = fixture();
        const time = manualClock();
        const app = createHttpApp(
          { ...services, clock: time.clock },
          { logger: pino({ level: "silent" }) },
        );
        const signInAs = (email: string, password: string, address?: string) =>
          app.request(
            "/api/session",
            {
              method: "POST",
              headers: { "content-type": "application/json", "x-requested-with": "tests" },
              body: JSON.stringify({ email, password }),
            },
            address ? fromAddress(address) : undefined,
          );
        return { signInAs, time };
      }

      it("answers 429 with Retry-After after 10 failed sign-ins for one email", async () => {
        const { signInAs, time } = throttledApp();
        for (let attempt = 1; attempt <= 10; attempt++) {
          const res = await signInAs(EMAIL, "wrong password", `198.51.100.${attempt}`);
          expect(res.status).toBe(401);
        }
        const refused = await signInAs(EMAIL.toUpperCase(), PASSWORD, "198.51.100.99");
        expect(refused.status).toBe(429);
        expect(refused.headers.get("retry-after")).toBe("900");
        expect(await refused.json()).toMatchObject({ code: "too-many-requests", details: [] });
        time.advance(5 * MINUTE_MS);
        const later = await signInAs(EMAIL, PASSWORD);
        expect(later.headers.get("retry-after")).toBe("600");
        time.advance(10 * MINUTE_MS);
        expect((await signInAs(EMAIL, PASSWORD)).status).toBe(200);
      });

      it("throttles one client address across emails, and no other address", async () => {
        const { signInAs } = throttledApp();
        const address = "203.0.113.7";
        for (let attempt = 1; attempt <= 10; attempt++) {
          const res = await signInAs(`nobody-${attempt}@county.example`, PASSWORD, address);
          expect(res.status).toBe(401);
        }
        expect((await signInAs(EMAIL, PASSWORD, address)).status).toBe(429);
        expect((await signInAs(EMAIL, PASSWORD, "203.0.113.8")).status).toBe(200);
      });

      it("starts an email's count again after a successful sign-in", async () => {
        const { signInAs } = throttledApp();
        for (let attempt = 1; attempt <= 9; attempt++) {
          expect((await signInAs(EMAIL, "wrong password")).status).toBe(401);
        }
        expect((await signInAs(EMAIL, PASSWORD)).status).toBe(200);
        for (let attempt = 1; attempt <= 10; attempt++) {
          expect((await signInAs(EMAIL, "wrong password")).status).toBe(401);
        }
        expect((await signInAs(EMAIL, PASSWORD)).status).toBe(429);
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
