import { rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { messageTypes, TERMINATE, wholeMessagesLength } from "./wire-frames";

export interface WireServer {
  /** Stops accepting, ends the connections and lets the socket file go. */
  close(): Promise<void>;
}

/**
 * Serves PGlite over the PostgreSQL wire protocol on a Unix socket, so that the `pg` driver can
 * speak to it as to PostgreSQL. PGlite has one session: one connection has it at a time and the
 * others wait their turn. Whole messages go to PGlite as they arrive; its answer goes back. A
 * connection that leaves inside a transaction has it rolled back, so the next one starts clean.
 */
export async function serveWireProtocol(pglite: PGlite, socketPath: string): Promise<WireServer> {
  const waiting: Socket[] = [];
  const open = new Set<Socket>();
  let active: Socket | undefined;
  let closing = false;
  const next = () => {
    active = undefined;
    while (!active && waiting.length > 0) {
      const socket = waiting.shift();
      if (socket && !socket.destroyed) {
        active = socket;
        socket.resume();
      }
    }
  };
  const server: Server = createServer((socket) => {
    open.add(socket);
    socket.pause();
    attach(
      pglite,
      socket,
      () => closing,
      () => {
        open.delete(socket);
        if (active === socket) next();
        else waiting.splice(waiting.indexOf(socket) >>> 0, 1);
      },
    );
    if (active) waiting.push(socket);
    else {
      active = socket;
      socket.resume();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const socket of open) socket.destroy();
        server.close(() => {
          rmSync(socketPath, { force: true });
          resolve();
        });
      }),
  };
}

/**
 * Feeds one connection's messages to PGlite; `onEnd` runs once when the connection is over.
 * `closing`: the server is closing, so PGlite is about to close and needs no clean-up.
 */
function attach(pglite: PGlite, socket: Socket, closing: () => boolean, onEnd: () => void): void {
  let pending: Uint8Array = new Uint8Array(0);
  let startedUp = false;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    // The session outlives the connection: never hand the next one an open transaction.
    if (!closing() && !pglite.closed && pglite.isInTransaction())
      void pglite.exec("ROLLBACK").catch(() => undefined);
    onEnd();
  };
  socket.on("data", (data: Buffer) => {
    pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
    const length = wholeMessagesLength(pending, startedUp);
    if (length === 0) return;
    const messages = pending.subarray(0, length);
    pending = pending.subarray(length);
    const wasStarted = startedUp;
    startedUp = true;
    if (wasStarted && messageTypes(messages).includes(TERMINATE)) {
      socket.end();
      return;
    }
    const answer = pglite.execProtocolRawSync(messages);
    if (answer.length > 0 && socket.writable) socket.write(answer);
  });
  socket.on("error", () => socket.destroy());
  socket.on("close", end);
}
