import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationName, sessionIdle, wholeMessagesLength } from "./wire-frames";
import { BULK_APPLICATION_NAME, serveWireProtocol, type WireServer } from "./wire-server";

describe("whole protocol messages", () => {
  const startup = [0, 0, 0, 8, 0, 3, 0, 0];
  const query = [0x51, 0, 0, 0, 6, 0x31, 0];

  it("counts the start-up message and the typed messages after it", () => {
    expect(wholeMessagesLength(Uint8Array.from([...startup, ...query]), false)).toBe(15);
  });

  it("stops before a message that has not fully arrived", () => {
    expect(wholeMessagesLength(Uint8Array.from([...query, ...query.slice(0, 4)]), true)).toBe(7);
    expect(wholeMessagesLength(Uint8Array.from(query.slice(0, 6)), true)).toBe(0);
  });

  it("reads the application name of a start-up message", () => {
    const fields = Buffer.from("user\0postgres\0application_name\0tt-bulk\0\0");
    const length = Buffer.alloc(4);
    length.writeInt32BE(8 + fields.length);
    const startup = Buffer.concat([length, Buffer.from([0, 3, 0, 0]), fields]);
    expect(applicationName(startup)).toBe("tt-bulk");
    expect(applicationName(Uint8Array.from(startup.subarray(0, 8)))).toBeUndefined();
  });

  it("sees when an answer leaves the session idle, outside any transaction", () => {
    const ready = (status: string) => [0x5a, 0, 0, 0, 5, status.charCodeAt(0)];
    expect(sessionIdle(Uint8Array.from([0x43, 0, 0, 0, 4, ...ready("I")]))).toBe(true);
    expect(sessionIdle(Uint8Array.from(ready("T")))).toBe(false);
    expect(sessionIdle(Uint8Array.from(ready("E")))).toBe(false);
    expect(sessionIdle(Uint8Array.from([0x43, 0, 0, 0, 4]))).toBe(false);
  });
});

describe("PGlite over the wire protocol", () => {
  let pglite: PGlite;
  let server: WireServer;
  let dir: string;
  const client = () =>
    new pg.Client({ host: dir, port: 5432, user: "postgres", database: "postgres" });

  beforeAll(async () => {
    pglite = await PGlite.create();
    dir = mkdtempSync(join(tmpdir(), "tt-wire-"));
    server = await serveWireProtocol(pglite, join(dir, ".s.PGSQL.5432"));
    await pglite.exec("create table t (id int primary key, v text)");
  });
  afterAll(async () => {
    await server.close();
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers parameterised queries and reports errors with their codes", async () => {
    const c = client();
    await c.connect();
    try {
      const rows = await c.query("insert into t values ($1, $2) returning v", [1, "a"]);
      expect(rows.rows).toEqual([{ v: "a" }]);
      await expect(c.query("insert into t values (1, 'b')")).rejects.toMatchObject({
        code: "23505",
      });
      expect((await c.query("select count(*)::int as n from t")).rows).toEqual([{ n: 1 }]);
    } finally {
      await c.end();
    }
  });

  it("serves one connection at a time and rolls back what a leaving one left open", async () => {
    const first = client();
    first.on("error", () => undefined);
    await first.connect();
    await first.query("begin");
    await first.query("insert into t values (2, 'uncommitted')");
    const second = client();
    let answered = false;
    const waiting = second.connect().then(async () => {
      const { rows } = await second.query("select count(*)::int as n from t where id = 2");
      answered = true;
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    first.connection.stream.destroy();
    expect(await waiting).toEqual([{ n: 0 }]);
    await second.end();
  });
});

describe("interactive and bulk connections to the one session", () => {
  let pglite: PGlite;
  let server: WireServer;
  let dir: string;
  const connect = async (bulk = false) => {
    const c = new pg.Client({
      host: dir,
      port: 5432,
      user: "postgres",
      database: "postgres",
      ...(bulk ? { application_name: BULK_APPLICATION_NAME } : {}),
    });
    await c.connect();
    return c;
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    pglite = await PGlite.create();
    dir = mkdtempSync(join(tmpdir(), "tt-wire-classes-"));
    // Long enough to see on a busy machine.
    server = await serveWireProtocol(pglite, join(dir, ".s.PGSQL.5432"), {
      quietMs: 300,
      maxWaitMs: 1500,
    });
    await pglite.exec("create table u (id int primary key)");
  });
  afterAll(async () => {
    await server.close();
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("never runs an interactive query inside a bulk transaction that has started", async () => {
    const bulk = await connect(true);
    const interactive = await connect();
    try {
      await pause(400);
      await bulk.query("begin");
      await bulk.query("insert into u values (1)");
      let seen: unknown;
      const waiting = interactive
        .query("select count(*)::int as n from u")
        .then((r) => (seen = r.rows));
      await pause(100);
      expect(seen).toBeUndefined();
      await bulk.query("commit");
      expect(await waiting).toEqual([{ n: 1 }]);
    } finally {
      await Promise.all([bulk.end(), interactive.end()]);
    }
  });

  it("lets interactive work go first, and bulk work in after a quiet moment", async () => {
    const bulk = await connect(true);
    const interactive = await connect();
    try {
      const order: string[] = [];
      await interactive.query("select 1");
      const started = performance.now();
      const bulkDone = bulk.query("select 2").then(() => {
        order.push("bulk");
        return performance.now() - started;
      });
      await pause(50);
      await interactive.query("select 3");
      order.push("interactive");
      const bulkWaited = await bulkDone;
      expect(order).toEqual(["interactive", "bulk"]);
      // It waited for the quiet moment after the last interactive query (300 ms).
      expect(bulkWaited).toBeGreaterThanOrEqual(300);
    } finally {
      await Promise.all([bulk.end(), interactive.end()]);
    }
  });

  it("starts bulk work after its longest wait however busy the interactive connection", async () => {
    const bulk = await connect(true);
    const interactive = await connect();
    try {
      let polling = true;
      const poll = (async () => {
        while (polling) {
          await interactive.query("select 1");
          await pause(5);
        }
      })();
      await pause(50);
      const started = performance.now();
      await bulk.query("select 2");
      const waited = performance.now() - started;
      polling = false;
      await poll;
      expect(waited).toBeGreaterThanOrEqual(1000);
      expect(waited).toBeLessThan(4000);
    } finally {
      await Promise.all([bulk.end(), interactive.end()]);
    }
  });
});
