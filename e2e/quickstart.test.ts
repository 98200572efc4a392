import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { printedUrl, ROOT } from "./support/demo-server";

/** The `tt` arguments `npm start` runs (package.json "start": "tt …"). */
function npmStartArguments(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.split(" ");
  expect(command).toBe("tt");
  return args;
}

/** What `npm start` runs, on a fresh embedded database in a temporary folder, on a free port. */
function startAsNpmStartDoes() {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-quickstart-"));
  const { DATABASE_URL: _postgres, TT_HOST: _host, ...inherited } = process.env;
  const env = { ...inherited, TT_DATA_DIR: dataDir, PORT: "0", TT_LOG_LEVEL: "warn" };
  const tt = join(ROOT, "apps/cli/bin/tt.js");
  const child: ChildProcess = spawn(process.execPath, [tt, ...npmStartArguments()], {
    cwd: ROOT,
    env,
    stdio: "pipe",
  });
  const { url, output } = printedUrl(child);
  url.catch(() => undefined);
  return {
    url,
    output,
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe("quickstart: npm start on a fresh embedded database, on this machine", () => {
  const server = startAsNpmStartDoes();

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
    expect(printed).not.toContain("Warning");
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
