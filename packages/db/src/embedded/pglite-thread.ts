import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { threadBootstrap } from "./thread-bootstrap";
import type { ThreadReply, ThreadStart } from "./thread-messages";

/** PostgreSQL's name for a server's socket file, in the folder `pg` is given as its host. */
const PORT = 5432;
const SOCKET_FILE = `.s.PGSQL.${PORT}`;
/** How long the thread may take to open the database (a first start initialises the folder). */
const START_TIMEOUT_MS = 120_000;

export interface EmbeddedThreadOptions {
  readonly dataDir?: string;
  readonly loadDataDir?: Blob;
}

/** PGlite running on its own thread, and a one-connection `pg` pool that speaks to it. */
export interface EmbeddedThread {
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * Starts PGlite on a worker thread, serving the wire protocol on a Unix socket in a private
 * folder (mode 0700, so only this user can connect), and opens a `pg` pool of one connection to
 * it: PGlite has a single session, so queries and transactions queue in the pool, in this thread,
 * while the database works on its own.
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
  const pool = new pg.Pool({
    host: socketDir,
    port: PORT,
    user: "postgres",
    database: "postgres",
    max: 1,
    idleTimeoutMillis: 0,
  });
  // A dropped idle connection is reopened by the next query; nothing to report here.
  pool.on("error", () => undefined);
  return {
    pool,
    close: async () => {
      await pool.end();
      worker.postMessage({ type: "close" });
      await waitFor(worker, "closed", START_TIMEOUT_MS).catch(() => worker.terminate());
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
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
