import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { threadBootstrap } from "./thread-bootstrap";
import type { ThreadReply, ThreadStart } from "./thread-messages";
import { BULK_APPLICATION_NAME } from "./wire-server";

/** PostgreSQL's name for a server's socket file, in the folder `pg` is given as its host. */
const PORT = 5432;
const SOCKET_FILE = `.s.PGSQL.${PORT}`;
/** How long the thread may take to open the database (a first start initialises the folder). */
const START_TIMEOUT_MS = 120_000;

export interface EmbeddedThreadOptions {
  readonly dataDir?: string;
  readonly loadDataDir?: Blob;
}

/** PGlite running on its own thread, and one-connection `pg` pools that speak to it. */
export interface EmbeddedThread {
  /** For requests someone waits for: served first. */
  readonly pool: pg.Pool;
  /** For imports, exports and jobs: served when requests leave the session a quiet moment. */
  readonly bulkPool: pg.Pool;
  close(): Promise<void>;
}

/**
 * Starts PGlite on a worker thread, serving the wire protocol on a Unix socket in a private
 * folder (mode 0700, so only this user can connect), and opens two `pg` pools of one connection to
 * it, interactive and bulk: PGlite has a single session, so queries and transactions queue in each
 * pool, in this thread, and the thread's scheduler lets the interactive connection go first
 * (`session-scheduler.ts`).
 */
export async function startEmbeddedThread(options: EmbeddedThreadOptions): Promise<EmbeddedThread> {
  const socketDir = mkdtempSync(join(tmpdir(), "tt-pglite-"));
  const entry = new URL("./pglite-thread-entry.ts", import.meta.url);
  const bootstrap = threadBootstrap(entry);
  if (!bootstrap) throw new Error("the embedded database's thread needs tsx to load its code");
  const start: ThreadStart = { socketPath: join(socketDir, SOCKET_FILE), ...options };
  const worker = new Worker(bootstrap, { eval: true, workerData: start });
  try {
    await waitFor(worker, "ready", START_TIMEOUT_MS);
  } catch (error) {
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  const pool = onePool(socketDir);
  const bulkPool = onePool(socketDir, BULK_APPLICATION_NAME);
  return {
    pool,
    bulkPool,
    close: async () => {
      await Promise.all([pool.end(), bulkPool.end()]);
      worker.postMessage({ type: "close" });
      await waitFor(worker, "closed", START_TIMEOUT_MS).catch(() => worker.terminate());
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** A pool of one connection to the thread's socket (PGlite has one session). */
function onePool(socketDir: string, applicationName?: string): pg.Pool {
  const pool = new pg.Pool({
    host: socketDir,
    port: PORT,
    user: "postgres",
    database: "postgres",
    max: 1,
    idleTimeoutMillis: 0,
    ...(applicationName ? { application_name: applicationName } : {}),
  });
  // A dropped idle connection is reopened by the next query; nothing to report here.
  pool.on("error", () => undefined);
  return pool;
}

/** Resolves when the thread says `type`; rejects when it fails, exits or takes too long. */
function waitFor(worker: Worker, type: ThreadReply["type"], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`the embedded database did not say ${type}`)),
      timeoutMs,
    );
    const onMessage = (message: ThreadReply) => {
      if (message.type === type) done();
      else if (message.type === "failed")
        done(new Error(`the embedded database could not open: ${message.message}`));
    };
    const onExit = (code: number) =>
      done(new Error(`the embedded database's thread exited (code ${code})`));
    const done = (error?: Error) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", done);
      worker.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    };
    worker.on("message", onMessage);
    worker.on("error", done);
    worker.on("exit", onExit);
  });
}
