import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../instances";

/** `tt serve` in its own process; resolves with its URL once it listens. */
export function serve(env: Record<string, string>): { url: Promise<string>; child: ChildProcess } {
  const { DATABASE_URL: _d, TT_DATA_DIR: _t, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(repoRoot, "apps/cli/bin/tt.js"), "serve"], {
    cwd: repoRoot,
    env: { ...inherited, ...env, PORT: "0", TT_LOG_LEVEL: "warn" },
    stdio: "pipe",
  });
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
    child.on("exit", (code) => reject(new Error(`tt serve ended (${code}):\n${output}`)));
  });
  return { url, child };
}
