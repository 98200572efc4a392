import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wholeMessagesLength } from "./wire-frames";
import { serveWireProtocol, type WireServer } from "./wire-server";

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
