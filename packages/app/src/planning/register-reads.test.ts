import { describe, expect, it } from "vitest";
import type { ListQuery, RecordRepository } from "../ports";
import { findMany } from "./register-reads";

type Row = { id: string };

/** A repository over `count` rows that counts its calls. */
function rowsOf(count: number) {
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({ id: `r${i}` }));
  const calls = { list: 0, find: 0 };
  const repository = {
    list: async (_org: string, query: ListQuery) => {
      calls.list += 1;
      return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
    },
    find: async (_org: string, id: string) => {
      calls.find += 1;
      return rows.find((r) => r.id === id);
    },
  } as unknown as RecordRepository<Row, unknown>;
  return { repository, calls };
}

describe("findMany", () => {
  it("looks a few ids up one by one, leaving out ids that are not stored", async () => {
    const { repository, calls } = rowsOf(3000);
    const found = await findMany(repository, "org", ["r1", "r2", "r1", "nope"]);
    expect([...found.keys()]).toEqual(["r1", "r2"]);
    expect(calls).toEqual({ list: 0, find: 3 });
  });

  it("reads the register in pages when many ids are wanted, and picks them", async () => {
    const { repository, calls } = rowsOf(2500);
    const ids = Array.from({ length: 150 }, (_, i) => `r${i * 10}`);
    const found = await findMany(repository, "org", [...ids, "nope"]);
    expect([...found.keys()].sort()).toEqual([...ids].sort());
    expect(calls).toEqual({ list: 3, find: 0 });
  });
});
