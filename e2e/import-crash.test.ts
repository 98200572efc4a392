import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@tt/db";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { printedUrl } from "./support/demo-server";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const ROWS = 30_000;
const ORGANISATION = "Crash County";
const EMAIL = "admin@crash.example";
const PASSWORD = "a long enough passphrase";

function env(dataDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  return { ...inherited, TT_DATA_DIR: dataDir, PORT: "0", TT_LOG_LEVEL: "warn" };
}

function setUp(dataDir: string): void {
  const run = (args: string[], input = "") => {
    const result = spawnSync(process.execPath, [TT, ...args], {
      cwd: ROOT,
      env: env(dataDir),
      input,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`tt ${args.join(" ")} failed:\n${result.stderr}`);
  };
  run(["organisation", "add", ORGANISATION, "--kind", "council"]);
  run(
    [
      "user",
      "add",
      EMAIL,
      "--organisation",
      ORGANISATION,
      "--role",
      "admin",
      "--name",
      "Admin",
      "--password-stdin",
    ],
    `${PASSWORD}\n`,
  );
}

function serve(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [TT, "serve"], {
    cwd: ROOT,
    env: env(dataDir),
    stdio: "pipe",
  });
  const { url } = printedUrl(child);
  return { child, url };
}

function passengersCsv(prefix: string): string {
  const lines = ["reference,given_name,family_name,home_lat,home_lon"];
  for (let i = 0; i < ROWS; i++) lines.push(`${prefix}-${i},Given${i},Family${i},52.2,0.12`);
  return `${lines.join("\n")}\n`;
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(new URL("/api/session", url), {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-with": "fetch" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.get("set-cookie")?.split(";")[0] ?? "";
}

/** Imports a whole file without interruption and returns how long the answer took, in ms. */
async function timedImport(dataDir: string, prefix: string): Promise<number> {
  const server = serve(dataDir);
  const url = await server.url;
  const cookie = await signIn(url);
  const started = performance.now();
  const response = await fetch(new URL("/api/passengers/import", url), {
    method: "POST",
    headers: { "content-type": "text/csv", "x-requested-with": "fetch", cookie },
    body: passengersCsv(prefix),
  });
  const took = performance.now() - started;
  expect(response.status).toBe(201);
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
  return took;
}

/** Starts an import, kills the server `afterMs` later, and says whether the answer had come. */
async function importAndKill(dataDir: string, prefix: string, afterMs: number): Promise<boolean> {
  const server = serve(dataDir);
  const url = await server.url;
  const cookie = await signIn(url);
  let answered = false;
  const upload = fetch(new URL("/api/passengers/import", url), {
    method: "POST",
    headers: { "content-type": "text/csv", "x-requested-with": "fetch", cookie },
    body: passengersCsv(prefix),
  }).then(
    () => {
      answered = true;
    },
    () => undefined,
  );
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGKILL");
  await exited;
  await upload;
  return answered;
}

/**
 * The passengers as the register shows them (`shown`: without the rows of imports still open,
 * decision 0009) and every row of the table (`stored`).
 */
async function countPassengers(dataDir: string): Promise<{ shown: number; stored: number }> {
  const handle = await createDb({ driver: "pglite", dataDir });
  try {
    const result = (await handle.db.execute(
      sql`select count(*) filter (where import_id is null or import_id not in (select import_id from open_imports))::int as shown, count(*)::int as stored from passengers`,
    )) as unknown as { rows: { shown: number; stored: number }[] };
    const [row] = result.rows;
    if (!row) throw new Error("no count");
    return row;
  } finally {
    await handle.close();
  }
}

describe("killing the server during a CSV import", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "tt-import-crash-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("leaves all of a file or none of it, at several moments, and the server starts again", async () => {
    setUp(dataDir);
    // Time one whole import, then kill others part-way: late kills land in the storing transaction.
    const full = await timedImport(dataDir, "FULL");
    expect(await countPassengers(dataDir)).toEqual({ shown: ROWS, stored: ROWS });
    const shown: number[] = [];
    for (const [index, share] of [0.5, 0.8, 0.95].entries()) {
      const afterMs = Math.round(full * share);
      const answered = await importAndKill(dataDir, `K${index}`, afterMs);
      const count = await countPassengers(dataDir);
      // An import is shown all at once: the register always shows a whole number of files.
      expect(count.shown % ROWS, `after a kill at ${afterMs} ms (answered: ${answered})`).toBe(0);
      expect(count.shown).toBeGreaterThanOrEqual(ROWS);
      shown.push(count.shown);
      console.log(
        `kill at ${afterMs} ms: answered=${answered}, passengers ${JSON.stringify(count)}`,
      );
    }
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    const again = serve(dataDir);
    const url = await again.url;
    const health = await fetch(new URL("/api/health", url));
    expect(health.status).toBe(200);
    const exited = new Promise((resolve) => again.child.once("exit", resolve));
    again.child.kill("SIGTERM");
    await exited;
    // Starting again removed the rows of the import the last kill cut off.
    const last = shown[shown.length - 1];
    expect(await countPassengers(dataDir)).toEqual({ shown: last, stored: last });
  }, 240_000);
});
