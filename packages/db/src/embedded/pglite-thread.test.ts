import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../create-db";
import { queryRows } from "../raw-query";

/** Largest gap between ticks of a 10 ms timer on this thread while `work` runs, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

describe("the embedded database on its own thread", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createDb({ driver: "pglite", offThread: true });
    await handle.migrate();
  });
  afterAll(() => handle.close());

  it("is migrated and answers through the pg driver", async () => {
    const rows = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from information_schema.tables where table_name = 'passengers'`,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("serves bulk work on a second connection, never interleaved with a request", async () => {
    await handle.db.execute(sql`create table t_bulk (id int primary key)`);
    const seen: number[] = [];
    await handle.bulkDb.transaction(async (tx) => {
      await tx.execute(sql`insert into t_bulk values (1)`);
      // A request on the interactive connection waits for the bulk transaction to end.
      void queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from t_bulk`).then(
        (rows) => seen.push(rows[0]?.n ?? -1),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.execute(sql`insert into t_bulk values (2)`);
    });
    const rows = await queryRows<{ n: number }>(
      handle.bulkDb,
      sql`select count(*)::int as n from t_bulk`,
    );
    expect(rows).toEqual([{ n: 2 }]);
    expect(seen).toEqual([2]);
  });

  it("keeps this thread free while a long query runs there", async () => {
    const stall = await longestStall(() =>
      handle.db.execute(sql`select count(*) from generate_series(1, 3000000) g`),
    );
    expect(stall).toBeLessThan(150);
  });

  it("rolls a failed transaction back and isolates it from queries outside", async () => {
    await handle.db.execute(sql`create table t_isolation (id int primary key)`);
    const outside: number[] = [];
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t_isolation values (1)`);
        // Queued behind the transaction: runs after it ends, so never sees its row.
        void queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from t_isolation`,
        ).then((rows) => outside.push(rows[0]?.n ?? -1));
        throw new Error("give up");
      }),
    ).rejects.toThrow("give up");
    const after = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from t_isolation`,
    );
    expect(after).toEqual([{ n: 0 }]);
    expect(outside).toEqual([0]);
  });
});

describe("the embedded database's socket", () => {
  it("rolls back what a connection left open, and keeps data in its folder across restarts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "tt-thread-"));
    try {
      const first = await createDb({ driver: "pglite", dataDir, offThread: true });
      await first.db.execute(sql`create table kept (v int)`);
      await first.db.execute(sql`insert into kept values (1)`);
      await first.close();
      const second = await createDb({ driver: "pglite", dataDir, offThread: true });
      try {
        const rows = await queryRows<{ v: number }>(second.db, sql`select v from kept`);
        expect(rows).toEqual([{ v: 1 }]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
