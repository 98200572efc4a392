import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createUnitOfWork } from "@tt/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const dataDir = mkdtempSync(join(tmpdir(), "tt-audit-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const ids = { county: "", trust: "", changed: 0 };

/** Two organisations with three audit entries each; one of the trust's entries is then changed. */
beforeAll(async () => {
  const handle = await createDb({ driver: "pglite", dataDir });
  try {
    await handle.migrate();
    const repos = createUnitOfWork(handle.db).repositories;
    const county = await repos.identity.createOrganisation({
      name: "Test County",
      kind: "council",
    });
    const trust = await repos.identity.createOrganisation({ name: "Test Trust", kind: "nhs-body" });
    const entries = [];
    for (const organisationId of [county.id, trust.id])
      for (const n of [1, 2, 3])
        entries.push(
          await repos.audit.append({
            organisationId,
            userId: null,
            action: "read",
            resource: "passenger",
            resourceIds: [`p-${n}`],
            purpose: `check ${n}`,
          }),
        );
    const changed = entries[4];
    if (!changed) throw new Error("no entry to change");
    await handle.db.execute(sql`update audit_log set purpose = 'changed' where id = ${changed.id}`);
    Object.assign(ids, { county: county.id, trust: trust.id, changed: changed.id });
  } finally {
    await handle.close();
  }
});

function tt(...args: string[]) {
  const { DATABASE_URL: _postgres, ...env } = process.env;
  return spawnSync(process.execPath, [TT, ...args], {
    cwd: ROOT,
    env: { ...env, TT_DATA_DIR: dataDir },
    encoding: "utf8",
  });
}

describe("tt audit verify", () => {
  it("checks every organisation's chain and names the first broken entry", () => {
    const run = tt("audit", "verify");
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(`intact  Test County (${ids.county})`);
    expect(run.stdout).toContain(
      `BROKEN  Test Trust (${ids.trust}): entry ${ids.changed} does not match`,
    );
  });

  it("checks one organisation by name, and refuses what it does not know", () => {
    const intact = tt("audit", "verify", "--organisation", "test county");
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout.trim()).toBe(`intact  Test County (${ids.county})`);
    const unknown = tt("audit", "verify", "--organisation", "Nowhere");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Nowhere/);
    const usage = tt("audit", "check");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/say "verify"/);
  });
});
