import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createUnitOfWork, type DbHandle } from "@tt/db";
import { aPassenger } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anOrganisation } from "./test-support/organisation";
import { passengerFile } from "./test-support/passenger-file";
import { runImportChild } from "./test-support/run-child";

/** Large enough that it is staged in many batches (stage-import.ts) before it is published. */
const ROWS = 20_000;

/**
 * Kill moments: after the first batch is staged, after the last (nothing published yet), after
 * the publish inside its transaction (before the commit), and after the commit.
 */
const MOMENTS = [
  { killOn: "staged 500", expected: [0] },
  { killOn: `staged ${ROWS}`, expected: [0] },
  { killOn: `published ${ROWS}`, expected: [0, ROWS] },
  { killOn: `committed ${ROWS}`, expected: [ROWS] },
];

interface Target {
  /** Child arguments naming the database. */
  readonly args: string[];
  open(): Promise<DbHandle>;
  dispose(): Promise<void>;
}

/** Checks the database the child was killed in: all or nothing, and still writable. */
async function checkConsistent(target: Target, organisationId: string): Promise<number> {
  const handle = await target.open();
  try {
    const repos = createUnitOfWork(handle.db).repositories;
    const stored = await repos.passengers.count(organisationId);
    await repos.passengers.create(
      organisationId,
      aPassenger({
        reference: "AFTER-CRASH",
        givenName: "Still",
        familyName: "Writable",
        homeLat: 52.2,
        homeLon: 0.12,
      }),
    );
    expect(await repos.passengers.count(organisationId)).toBe(stored + 1);
    const audit = await repos.audit.list(organisationId, { offset: 0, limit: 10 });
    expect(audit.total).toBe(stored === 0 ? 0 : 1);
    return stored;
  } finally {
    await handle.close();
  }
}

async function crashAt(
  target: Target,
  file: string,
  actor: { organisationId: string; userId: string },
  moment: (typeof MOMENTS)[number],
) {
  const outcome = await runImportChild(
    [...target.args, file, actor.organisationId, actor.userId],
    moment.killOn,
  );
  if (!outcome.lines.includes(moment.killOn))
    throw new Error(`child ended early: ${outcome.stderr}`);
  const stored = await checkConsistent(target, actor.organisationId);
  expect(moment.expected).toContain(stored);
  return { stored, killed: outcome.killed };
}

/** A fresh, migrated database with an organisation, for a child process to connect to. */
async function aPostgresDatabase(admin: DbHandle, adminUrl: string, index: number) {
  const name = `tt_crash_${process.pid}_${index}`;
  await admin.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.db.execute(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const open = () => createDb({ driver: "postgres", url: url.toString(), maxConnections: 2 });
  const seed = await open();
  await seed.migrate();
  const actor = await anOrganisation(createUnitOfWork(seed.db));
  await seed.close();
  const target: Target = {
    args: ["postgres", url.toString()],
    open,
    dispose: () => dropWhenClosed(admin, name),
  };
  return { target, actor };
}

/** Drops a database once its last session has gone (a forced drop would hit closing clients). */
async function dropWhenClosed(admin: DbHandle, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.db.execute(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("an import killed part-way leaves the database consistent", () => {
  let workDir: string;
  let file: string;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), "tt-crash-"));
    file = join(workDir, "passengers.csv");
    writeFileSync(file, passengerFile(ROWS));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("on PGlite: 0 or all rows after SIGKILL, never in between", { timeout: 180_000 }, async () => {
    const template = join(workDir, "template");
    const seed = await createDb({ driver: "pglite", dataDir: template });
    await seed.migrate();
    const actor = await anOrganisation(createUnitOfWork(seed.db));
    await seed.close();
    for (const [index, moment] of MOMENTS.entries()) {
      const dataDir = join(workDir, `run-${index}`);
      cpSync(template, dataDir, { recursive: true });
      const target: Target = {
        args: ["pglite", dataDir],
        open: () => createDb({ driver: "pglite", dataDir }),
        dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
      await crashAt(target, file, actor, moment);
      await target.dispose();
    }
  });

  const adminUrl = process.env.DATABASE_URL;
  it.skipIf(!adminUrl)(
    "on PostgreSQL: 0 or all rows after SIGKILL",
    { timeout: 180_000 },
    async () => {
      const admin = await createDb({ driver: "postgres", url: adminUrl ?? "", maxConnections: 1 });
      try {
        for (const [index, moment] of MOMENTS.entries()) {
          const { target, actor } = await aPostgresDatabase(admin, adminUrl ?? "", index);
          try {
            await crashAt(target, file, actor, moment);
          } finally {
            await target.dispose();
          }
        }
      } finally {
        await admin.close();
      }
    },
  );
});
