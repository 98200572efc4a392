import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { withWebApp } from "./web-app";

const api = { fetch: (request: Request) => new Response(`api ${new URL(request.url).pathname}`) };

describe("withWebApp", () => {
  const built = mkdtempSync(join(tmpdir(), "tt-web-"));
  mkdirSync(join(built, "assets"));
  writeFileSync(join(built, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(built, "assets", "index-AbCd1234.js"), "console.log(1)");
  writeFileSync(join(built, "secret.txt"), "not outside");
  const empty = mkdtempSync(join(tmpdir(), "tt-web-empty-"));
  afterAll(() => {
    rmSync(built, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });
  const app = withWebApp(api, { webDir: built });

  it("serves the app's index.html at / and at any page path, and its files by type", async () => {
    for (const path of ["/", "/planning/plans/abc"]) {
      const res = await app.request(path);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("<title>app</title>");
    }
    const script = await app.request("/assets/index-AbCd1234.js");
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(script.headers.get("cache-control")).toContain("immutable");
  });

  it("passes /api, /openapi.json and missing files to the API", async () => {
    expect(await (await app.request("/api/health")).text()).toBe("api /api/health");
    expect(await (await app.request("/openapi.json")).text()).toBe("api /openapi.json");
    expect(await (await app.request("/assets/gone.js")).text()).toBe("api /assets/gone.js");
  });

  it("never serves a file outside the build folder", async () => {
    const res = await app.request("/..%2F..%2Fetc%2Fpasswd");
    expect(await res.text()).not.toContain("root:");
  });

  it("answers a landing page at / when the app is not built", async () => {
    const res = await withWebApp(api, { webDir: empty }).request("/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("npm run build -w apps/web");
    expect(res.headers.get("content-security-policy")).toMatch(/style-src 'self' 'sha256-/);
  });

  it("sends a strict Content-Security-Policy with the app's pages, not with its scripts", async () => {
    const page = await app.request("/planning/plans/abc");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const script = await app.request("/assets/index-AbCd1234.js");
    expect(script.headers.get("content-security-policy")).toBeNull();
  });

  it("answers 400 to malformed percent-encoding, with nothing on stderr", async () => {
    const stderr = vi.spyOn(process.stderr, "write");
    const consoleError = vi.spyOn(console, "error");
    for (const path of ["/%E0%A4%A", "/planning/%", "/assets/%E0"]) {
      expect((await app.request(path)).status).toBe(400);
    }
    expect(stderr).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
