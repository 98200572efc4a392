import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./crash-import-child.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../../../../", import.meta.url));

export interface ChildOutcome {
  readonly killed: boolean;
  readonly lines: readonly string[];
  readonly stderr: string;
  readonly code: number | null;
}

/** Runs the import child and sends it SIGKILL as soon as it prints `killOn` (if given). */
export function runImportChild(args: readonly string[], killOn?: string): Promise<ChildOutcome> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let stderr = "";
  let killed = false;
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    if (!killed && killOn !== undefined && line === killOn) {
      killed = child.kill("SIGKILL");
    }
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve({ killed, lines, stderr, code }));
  });
}
