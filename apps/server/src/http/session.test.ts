import { ApiError, createClient } from "@tt/contract";
import { listTestDrivers } from "@tt/db";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createHttpApp } from "./app";
import { caller, PASSWORD, useFixture } from "./test-support/fixture";
import { validInputs } from "./test-support/inputs";

const EMAIL = "booking-agent@county.example";

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
