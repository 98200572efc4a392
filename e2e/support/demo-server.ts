import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");

/** Builds the web app if its build is missing or stale (as `npm start` does). */
export function ensureWebBuilt(): void {
  const script = join(ROOT, "apps/web/scripts/ensure-built.ts");
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`building the web app failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The URL a `tt serve` child prints ("Open http://…"), and everything it has written so far. */
export function printedUrl(child: ChildProcess): { url: Promise<string>; output: () => string } {
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
    child.on("exit", (code, signal) =>
      reject(new Error(`server ended (${code ?? signal}):\n${output}`)),
    );
  });
  return { url, output: () => output };
}

export interface DemoServer {
  readonly url: Promise<string>;
  output(): string;
  stop(): void;
}

/**
 * `tt serve --demo` on a fresh embedded database in a temporary folder, on a free port; `args`
 * are more flags (e.g. `--demo-day-seconds 20`).
 */
export function startDemoServer(args: readonly string[] = []): DemoServer {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-web-e2e-"));
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  const env = { ...inherited, TT_DATA_DIR: dataDir, PORT: "0", TT_LOG_LEVEL: "warn" };
  const child: ChildProcess = spawn(process.execPath, [TT, "serve", "--demo", ...args], {
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
