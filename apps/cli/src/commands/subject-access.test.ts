import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createUnitOfWork } from "@tt/db";
import { aPassenger } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
const TT = join(ROOT, "apps/cli/bin/tt.js");
const dataDir = mkdtempSync(join(tmpdir(), "tt-sar-"));
const outDir = mkdtempSync(join(tmpdir(), "tt-sar-out-"));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

/** The same person in a council and an NHS body, and a namesake born another day. */
beforeAll(async () => {
  const handle = await createDb({ driver: "pglite", dataDir });
  try {
    await handle.migrate();
    const repos = createUnitOfWork(handle.db).repositories;
    const person = { givenName: "Zebedee", familyName: "Quartermaine", dateOfBirth: "2014-02-28" };
    for (const [name, kind] of [
      ["Test County", "council"],
      ["Test Trust", "nhs-body"],
    ] as const) {
      const org = await repos.identity.createOrganisation({ name, kind });
      await repos.identity.createUser({
        organisationId: org.id,
        email: `admin@${kind}.example`,
        displayName: "Admin",
        role: "admin",
        passwordHash: "not-used",
      });
      await repos.passengers.create(org.id, aPassenger({ reference: `${kind}-1`, ...person }));
      await repos.passengers.create(
        org.id,
        aPassenger({ reference: `${kind}-2`, ...person, dateOfBirth: "1950-01-01" }),
      );
    }
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

describe("tt subject-access", () => {
  it("exports the person's record from every organisation that holds it, and only theirs", () => {
    const args = ["--family-name", "quartermaine", "--given-name", "ZEBEDEE"];
    const run = tt("subject-access", ...args, "--date-of-birth", "2014-02-28", "--out", outDir);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual([
      "Test-County-council-1.html",
      "Test-County-council-1.json",
      "Test-Trust-nhs-body-1.html",
      "Test-Trust-nhs-body-1.json",
      "index.txt",
    ]);
    const trust = JSON.parse(readFileSync(join(outDir, "Test-Trust-nhs-body-1.json"), "utf8"));
    expect(trust).toMatchObject({
      organisation: { name: "Test Trust" },
      passenger: { reference: "nhs-body-1", familyName: "Quartermaine" },
    });
    expect(readFileSync(join(outDir, "Test-County-council-1.html"), "utf8")).toContain("Zebedee");
  });

  it("says when nobody holds the person, and asks for a family name", () => {
    const none = tt(
      "subject-access",
      "--family-name",
      "Nobody",
      "--given-name",
      "A",
      "--out",
      outDir,
    );
    expect(none.status).toBe(0);
    expect(none.stdout).toContain("No organisation holds a record");
    const usage = tt("subject-access", "--given-name", "Zebedee");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--family-name is required/);
    const surnameOnly = tt("subject-access", "--family-name", "Quartermaine");
    expect(surnameOnly.status).toBe(2);
    expect(surnameOnly.stderr).toMatch(/--given-name is required/);
    const badDate = tt(
      "subject-access",
      "--family-name",
      "Q",
      "--given-name",
      "Z",
      "--date-of-birth",
      "28/02/2014",
    );
    expect(badDate.status).toBe(2);
  });
});
