import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createUnitOfWork } from "@tt/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSmallDay } from "../test-support/small-day";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const dataDir = mkdtempSync(join(tmpdir(), "tt-plan-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A council with one admin, two pupils travelling on 2026-11-24 and one minibus. */
beforeAll(async () => {
  const handle = await createDb({ driver: "pglite", dataDir });
  try {
    await handle.migrate();
    const repos = createUnitOfWork(handle.db).repositories;
    await seedSmallDay(
      repos,
      { name: "Test County", adminEmail: "admin@test-county.example" },
      "2026-11-24",
    );
  } finally {
    await handle.close();
  }
});

function tt(args: string[], settings: Record<string, string> = {}) {
  // The embedded database in the temporary folder, whatever DATABASE_URL the tests run with.
  const { DATABASE_URL: _url, TT_TRAVEL_TIMES: _times, ...env } = process.env;
  const result = spawnSync(process.execPath, [TT, "plan", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...env, TT_DATA_DIR: dataDir, ...settings },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("tt plan", () => {
  it("plans the day on a worker thread and prints the summary and plan id", () => {
    const run = tt(["--organisation", "test county", "--date", "2026-11-24", "--iterations", "30"]);
    expect(run.stderr).not.toContain("Error");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 trip requests, 2 assigned, 0 unassigned");
    expect(run.stdout).toContain("Vehicles: 1 used of 1");
    expect(run.stdout).toContain("on the worker-thread");
    expect(run.stdout).toMatch(/Plan id: [0-9a-f-]{36}/);
  });

  it("takes its travel times from TT_TRAVEL_TIMES", () => {
    const day = ["--organisation", "test county", "--date", "2026-11-24", "--iterations", "30"];
    // Nothing listens on port 9 (discard): the OSRM provider it names cannot answer.
    const run = tt(day, { TT_TRAVEL_TIMES: "osrm:http://127.0.0.1:9" });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("Plan id");
    const bad = tt(day, { TT_TRAVEL_TIMES: "roads" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("TT_TRAVEL_TIMES");
  });

  it("is a usage error without a date", () => {
    const run = tt(["--organisation", "Test County"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--date");
  });
});
