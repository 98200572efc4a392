import { rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import {
  DEFAULT_SESSION_TIMINGS,
  type SessionClass,
  type SessionClient,
  SessionScheduler,
  type SessionTimings,
} from "./session-scheduler";
import {
  applicationName,
  messageTypes,
  sessionIdle,
  TERMINATE,
  wholeMessagesLength,
} from "./wire-frames";

/** The `application_name` a connection gives to say that its work is bulk work (see below). */
export const BULK_APPLICATION_NAME = "tt-bulk";

export interface WireServer {
  /** Stops accepting, ends the connections and lets the socket file go. */
  close(): Promise<void>;
}

/**
 * Serves PGlite over the PostgreSQL wire protocol on a Unix socket, so that the `pg` driver can
 * speak to it as to PostgreSQL. PGlite has one session, which the connections take turns at
 * (`SessionScheduler`): a connection holds it from its first message until PGlite is idle again
 * (the statement, or the whole transaction, has ended), and interactive connections go before bulk
 * ones (`application_name=tt-bulk`). A connection that leaves inside a transaction has it rolled
 * back, so the next one starts clean.
 */
export async function serveWireProtocol(
  pglite: PGlite,
  socketPath: string,
  timings: SessionTimings = DEFAULT_SESSION_TIMINGS,
): Promise<WireServer> {
  const scheduler = new SessionScheduler(timings);
  const open = new Set<Socket>();
  let closing = false;
  const server: Server = createServer((socket) => {
    open.add(socket);
    attach(pglite, socket, scheduler, () => closing);
    socket.on("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        scheduler.close();
        for (const socket of open) socket.destroy();
        server.close(() => {
          rmSync(socketPath, { force: true });
          resolve();
        });
      }),
  };
}

/**
 * One connection: whole messages wait until the connection holds the session, then go to PGlite,
 * and its answer goes back. `closing`: the server is closing, so PGlite needs no clean-up.
 */
function attach(
  pglite: PGlite,
  socket: Socket,
  scheduler: SessionScheduler,
  closing: () => boolean,
): void {
  let partial: Uint8Array = new Uint8Array(0);
  const ready: Uint8Array[] = [];
  let startedUp = false;
  let kind: SessionClass = "interactive";
  let ended = false;
  const client: SessionClient = {
    get kind() {
      return kind;
    },
    grant: () => run(),
  };
  const run = () => {
    while (ready.length > 0 && !ended) {
      if (!scheduler.holds(client)) {
        scheduler.request(client);
        return;
      }
      const messages = ready.shift() as Uint8Array;
      const answer = pglite.execProtocolRawSync(messages);
      if (answer.length > 0 && socket.writable) socket.write(answer);
      if (sessionIdle(answer)) scheduler.release(client);
    }
  };
  socket.on("data", (data: Buffer) => {
    partial = partial.length === 0 ? data : Buffer.concat([partial, data]);
    const length = wholeMessagesLength(partial, startedUp);
    if (length === 0) return;
    const messages = partial.subarray(0, length);
    partial = partial.subarray(length);
    if (startedUp && messageTypes(messages).includes(TERMINATE)) {
      socket.end();
      return;
    }
    if (!startedUp && applicationName(messages) === BULK_APPLICATION_NAME) kind = "bulk";
    startedUp = true;
    ready.push(messages);
    run();
  });
  socket.on("error", () => socket.destroy());
  socket.on("close", () => {
    if (ended) return;
    ended = true;
    // The session outlives the connection: never hand the next one an open transaction.
    if (!closing() && scheduler.holds(client) && !pglite.closed && pglite.isInTransaction()) {
      void pglite
        .exec("ROLLBACK")
        .catch(() => undefined)
        .finally(() => scheduler.leave(client));
    } else scheduler.leave(client);
  });
}
