import { AuthService, type Clock } from "@tt/app";
import { ApiError, createClient } from "@tt/contract";
import { listTestDrivers } from "@tt/db";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createHttpApp } from "./app";
import { caller, PASSWORD, useFixture } from "./test-support/fixture";

const EMAIL = "booking-agent@county.example";
const DAY_MS = 86_400_000;

type Json = Record<string, unknown>;

function cookieFrom(res: Response): string {
  const pair = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return pair.replace(/^tt_session=/, "");
}

/** A clock the test moves by hand. */
function manualClock(start = new Date("2026-03-02T09:00:00Z")) {
  let now = start.getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
}

for (const driver of listTestDrivers()) {
  describe(`API tokens (${driver.name})`, () => {
    const fixture = useFixture(driver.open);

    async function signedInCookie(): Promise<string> {
      const res = await fixture().call("POST", "/api/session", {
        json: { email: EMAIL, password: PASSWORD },
      });
      return cookieFrom(res);
    }

    it("refuses to issue a token to a caller who authenticated with a token", async () => {
      const { call, county } = fixture();
      const token = county.users["booking-agent"].token;
      const res = await call("POST", "/api/tokens", { token, json: { name: "minted" } });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "forbidden" });
      const listed = (await (await call("GET", "/api/tokens", { token })).json()) as {
        items: Json[];
      };
      expect(listed.items.map((t) => t.name)).not.toContain("minted");
    });

    it("issues tokens that expire after 90 days unless asked otherwise", async () => {
      const { call } = fixture();
      const cookie = await signedInCookie();
      const before = Date.now();
      const standard = (await (
        await call("POST", "/api/tokens", { cookie, json: { name: "standard" } })
      ).json()) as Json;
      const days = (iso: unknown) => (Date.parse(String(iso)) - before) / DAY_MS;
      expect(days(standard.expiresAt)).toBeGreaterThan(89.99);
      expect(days(standard.expiresAt)).toBeLessThan(90.01);
      const short = await call("POST", "/api/tokens", {
        cookie,
        json: { name: "short", expiresInDays: 7 },
      });
      expect(short.status).toBe(201);
      expect(days(((await short.json()) as Json).expiresAt)).toBeLessThan(7.01);
      for (const expiresInDays of [0, 366, 1.5]) {
        const bad = await call("POST", "/api/tokens", {
          cookie,
          json: { name: "bad", expiresInDays },
        });
        expect(bad.status).toBe(422);
        expect(await bad.json()).toMatchObject({ details: [{ path: "expiresInDays" }] });
      }
    });

    it("lists only the caller's own tokens, never their secrets", async () => {
      const { call, county } = fixture();
      const cookie = await signedInCookie();
      const issued = (await (
        await call("POST", "/api/tokens", { cookie, json: { name: "listed" } })
      ).json()) as Json;
      const res = await call("GET", "/api/tokens", { cookie });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: Json[] };
      const listed = items.find((t) => t.id === issued.id);
      expect(listed).toEqual({
        id: issued.id,
        name: "listed",
        createdAt: expect.any(String),
        expiresAt: issued.expiresAt,
        lastUsedAt: null,
        revoked: false,
      });
      const text = JSON.stringify(items);
      expect(text).not.toContain(String(issued.token));
      expect(text).not.toContain("tokenHash");
      const adminTokens = (await (
        await call("GET", "/api/tokens", { token: county.users.admin.token })
      ).json()) as { items: Json[] };
      expect(adminTokens.items.map((t) => t.id)).not.toContain(issued.id);
    });

    it("revokes the caller's own token, and answers 404 for anyone else's", async () => {
      const { call, county } = fixture();
      const cookie = await signedInCookie();
      const issued = (await (
        await call("POST", "/api/tokens", { cookie, json: { name: "to revoke" } })
      ).json()) as { id: string; token: string };
      expect((await call("GET", "/api/me", { token: issued.token })).status).toBe(200);
      const admin = county.users.admin.token;
      const foreign = await call("DELETE", `/api/tokens/${issued.id}`, { token: admin });
      expect(foreign.status).toBe(404);
      expect((await call("GET", "/api/me", { token: issued.token })).status).toBe(200);
      expect((await call("DELETE", "/api/tokens/not-an-id", { cookie })).status).toBe(404);
      expect((await call("DELETE", `/api/tokens/${issued.id}`, { cookie })).status).toBe(204);
      expect((await call("GET", "/api/me", { token: issued.token })).status).toBe(401);
      const { items } = (await (await call("GET", "/api/tokens", { cookie })).json()) as {
        items: Json[];
      };
      expect(items.find((t) => t.id === issued.id)).toMatchObject({ revoked: true });
    });

    it("stops accepting a token once it has expired", async () => {
      const { services, county } = fixture();
      const time = manualClock();
      const auth = new AuthService(services.unitOfWork, time.clock);
      const app = createHttpApp(
        { ...services, auth, clock: time.clock },
        { logger: pino({ level: "silent" }) },
      );
      const call = caller(app);
      const { token } = await auth.issueApiToken(county.users.driver.user.id, "one day", 1);
      expect((await call("GET", "/api/me", { token })).status).toBe(200);
      time.advance(DAY_MS - 1000);
      expect((await call("GET", "/api/me", { token })).status).toBe(200);
      time.advance(1000);
      expect((await call("GET", "/api/me", { token })).status).toBe(401);
    });

    it("lists and revokes through the contract's typed client", async () => {
      const { app } = fixture();
      const cookie = await signedInCookie();
      const client = createClient({
        baseUrl: "http://localhost",
        fetch: async (url, init) => {
          const headers = new Headers(init?.headers);
          headers.set("cookie", `tt_session=${cookie}`);
          return app.request(url, { ...init, headers });
        },
      });
      const issued = await client.issueToken("client", 30);
      const tokens = await client.listTokens();
      expect(tokens.find((t) => t.id === issued.id)).toMatchObject({ name: "client" });
      await client.revokeToken(issued.id);
      expect((await client.listTokens()).find((t) => t.id === issued.id)?.revoked).toBe(true);
      const withToken = createClient({
        baseUrl: "http://localhost",
        token: issued.token,
        fetch: async (url, init) => app.request(url, init),
      });
      const refused = await withToken.me().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ status: 401 });
    });
  });
}
