/**
 * Worker-thread entry of the embedded database: opens PGlite (in `dataDir`, or in memory from an
 * optional snapshot), serves it on a Unix socket (`serveWireProtocol`), says "ready", and on
 * "close" ends the connections, closes PGlite (its files are then consistent) and says "closed".
 */
import { mkdirSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import type { ThreadReply, ThreadStart } from "./thread-messages";
import { serveWireProtocol } from "./wire-server";

const start = workerData as ThreadStart;
const reply = (message: ThreadReply) => parentPort?.postMessage(message);

try {
  if (start.dataDir) mkdirSync(start.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(start.dataDir ? { dataDir: start.dataDir } : {}),
    ...(start.loadDataDir ? { loadDataDir: start.loadDataDir } : {}),
  });
  // PGlite has no autovacuum: statistics kept from earlier runs may be missing or stale, and the
  // planner needs them for the paged reads of a large register (see table-statistics.ts).
  await pglite.exec("ANALYZE");
  const server = await serveWireProtocol(pglite, start.socketPath);
  parentPort?.on("message", async (message: { type: "close" }) => {
    if (message.type !== "close") return;
    await server.close();
    await pglite.close();
    reply({ type: "closed" });
    parentPort?.close();
  });
  reply({ type: "ready" });
} catch (error) {
  reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
}
