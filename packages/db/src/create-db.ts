import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type EmbeddedThreadOptions, startEmbeddedThread } from "./embedded/pglite-thread";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the repositories see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbOptions =
  | {
      driver: "pglite";
      dataDir?: string;
      loadDataDir?: Blob;
      /**
       * Run PGlite on its own worker thread, reached through the `pg` driver as PostgreSQL is, so
       * that queries never block the calling thread (the server). Default false: in this thread
       * (tests and short commands, where nothing else waits).
       */
      offThread?: boolean;
    }
  | { driver: "postgres"; url: string; maxConnections?: number };

export interface DbHandle {
  /** For requests someone is waiting for. */
  readonly db: Db;
  /**
   * For long or large work: CSV imports and exports, jobs, plan saving. On the embedded database
   * off the thread, a second connection that the database serves only when requests leave it a
   * quiet moment (decision 0009); on PostgreSQL, a small pool of its own; in this thread, `db`.
   */
  readonly bulkDb: Db;
  readonly driver: DbOptions["driver"];
  /** PostgreSQL only: the connection string, for what needs connections of its own (the job queue). */
  readonly url?: string;
  /** Applies the committed migrations that have not run yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a snapshot of the whole data folder, to clone fast in tests. */
  dump?(): Promise<Blob>;
}

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** Opens the database. Called only at composition roots (server, CLI, tests). */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.driver === "postgres") return openPostgres(options);
  return options.offThread ? openPgliteOffThread(options) : openPglite(options);
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<DbHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    bulkDb: db,
    driver: "pglite",
    migrate: async () => {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    },
    close: () => client.close(),
    dump: async () => (await client.dumpDataDir("none")) as Blob,
  };
}

async function openPgliteOffThread(options: EmbeddedThreadOptions): Promise<DbHandle> {
  const thread = await startEmbeddedThread(options);
  return {
    ...onPool(thread.pool),
    bulkDb: pgDb(thread.bulkPool),
    driver: "pglite",
    close: () => thread.close(),
  };
}

/** Connections of the bulk pool on PostgreSQL: bulk work never takes every connection. */
const POSTGRES_BULK_CONNECTIONS = 3;

async function openPostgres(options: { url: string; maxConnections?: number }): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
  const bulkPool = new pg.Pool({
    connectionString: options.url,
    max: POSTGRES_BULK_CONNECTIONS,
    application_name: "tt-bulk",
  });
  return {
    ...onPool(pool),
    bulkDb: pgDb(bulkPool),
    driver: "postgres",
    url: options.url,
    close: async () => {
      await Promise.all([pool.end(), bulkPool.end()]);
    },
  };
}

/** Drizzle and the migrations over a `pg` pool (PostgreSQL, or PGlite on its thread). */
function onPool(pool: pg.Pool): Pick<DbHandle, "db" | "migrate"> {
  return {
    db: pgDb(pool),
    migrate: async () => {
      await migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder });
    },
  };
}

function pgDb(pool: pg.Pool): Db {
  return drizzlePg({ client: pool, schema }) as unknown as Db;
}
