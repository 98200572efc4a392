import { afterAll, describe, expect, it } from "vitest";
import { startDemoServer } from "./support/demo-server";

describe("quickstart: tt serve --demo on a fresh embedded database", () => {
  const server = startDemoServer();

  afterAll(() => server.stop());

  it("prints the URL and serves the health check", async () => {
    const url = await server.url;
    const response = await fetch(new URL("/api/health", url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "pglite" });
  }, 120_000);

  it("serves the demo: a demo user signs in and sees about 3,000 passengers across organisations", async () => {
    const url = await server.url;
    const printed = server.output();
    const email = /(commissioner@cambridgeshire\.demo)/.exec(printed)?.[1];
    const password = /password[:\s]+"?([^\s"]{12,})"?/i.exec(printed)?.[1];
    expect(email, printed).toBeDefined();
    expect(password, printed).toBeDefined();
    const signIn = await fetch(new URL("/api/session", url), {
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-with": "fetch" },
      body: JSON.stringify({ email, password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    const list = await fetch(new URL("/api/passengers?limit=1", url), { headers: { cookie } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { total: number };
    expect(body.total).toBeGreaterThan(500);
    const landing = await fetch(url);
    expect(landing.status).toBe(200);
  }, 120_000);
});
