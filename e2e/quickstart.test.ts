import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");

/** Starts `tt serve --demo` on a fresh embedded database and resolves with the URL it prints. */
function startServer(dataDir: string): {
  child: ChildProcess;
  url: Promise<string>;
  output: () => string;
} {
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  const env = { ...inherited, TT_DATA_DIR: dataDir, PORT: "0", TT_LOG_LEVEL: "warn" };
  const child = spawn(process.execPath, [TT, "serve", "--demo"], { cwd: ROOT, env, stdio: "pipe" });
  let output = "";
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

describe("quickstart: tt serve --demo on a fresh embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-quickstart-"));
  const server = startServer(dataDir);

  afterAll(() => {
    server.child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });

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
