import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "./create-db";

let template: Blob | undefined;

/** A fresh, migrated in-memory PGlite, cloned from a template migrated once per process. */
export async function createTestPglite(): Promise<DbHandle> {
  if (!template) {
    const seed = await createDb({ driver: "pglite" });
    await seed.migrate();
    template = await seed.dump!();
    await seed.close();
  }
  return createDb({ driver: "pglite", loadDataDir: template });
}

/**
 * A fresh, migrated PostgreSQL database on the server named by `adminUrl`, dropped on close.
 * Each call gets its own database, so test files never see each other's rows.
 */
export async function createTestPostgres(adminUrl: string): Promise<DbHandle> {
  const name = `tt_test_${randomBytes(6).toString("hex")}`;
  await runAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ driver: "postgres", url: url.toString(), maxConnections: 4 });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await connectionsGone(adminUrl, name);
      await runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Waits (up to 2 s) until the server has let go of every connection to `name`. A pool's `end()`
 * resolves while its last connections are still closing; dropping the database with FORCE then
 * would terminate them mid-close, an error nobody is left to hear.
 */
async function connectionsGone(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const { rows } = await client.query<{ open: number }>(
        "SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      if ((rows[0]?.open ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The drivers to run database tests on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function listTestDrivers(): { name: string; open: () => Promise<DbHandle> }[] {
  const drivers = [{ name: "pglite", open: createTestPglite }];
  const url = process.env.DATABASE_URL;
  if (url) drivers.push({ name: "postgres", open: () => createTestPostgres(url) });
  return drivers;
}
