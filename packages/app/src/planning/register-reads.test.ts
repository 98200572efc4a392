import { describe, expect, it } from "vitest";
import type { KeysetQuery, RecordRepository } from "../ports";
import { findMany, listEvery } from "./register-reads";

type Row = { id: string };

/** A repository over `count` rows that counts its calls. */
function rowsOf(count: number) {
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({
    id: `r${String(i).padStart(5, "0")}`,
  }));
  const calls = { listAfter: 0, findByIds: 0 };
  const repository: Pick<RecordRepository<Row, unknown>, "listAfter" | "findByIds"> = {
    listAfter: async (_org: string, query: KeysetQuery) => {
      calls.listAfter += 1;
      const items = rows.filter((r) => query.after === undefined || r.id > query.after);
      const page = items.slice(0, query.limit);
      const last = page[page.length - 1];
      return { items: page, ...(page.length === query.limit && last ? { next: last.id } : {}) };
    },
    findByIds: async (_org: string, ids: readonly string[]) => {
      calls.findByIds += 1;
      return rows.filter((r) => ids.includes(r.id));
    },
  };
  return { repository: repository as RecordRepository<Row, unknown>, calls };
}

describe("findMany", () => {
  it("looks ids up in one query, leaving out ids that are not stored", async () => {
    const { repository, calls } = rowsOf(3000);
    const found = await findMany(repository, "org", ["r00002", "r00001", "r00002", "nope"]);
    expect([...found.keys()]).toEqual(["r00002", "r00001"]);
    expect(calls).toEqual({ listAfter: 0, findByIds: 1 });
  });
});

describe("listEvery", () => {
  it("reads every row in keyset pages, following each page's cursor", async () => {
    const { repository, calls } = rowsOf(2500);
    const rows = await listEvery(repository, "org");
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(2500);
    expect(ids).toEqual([...ids].sort());
    expect(calls.listAfter).toBe(3);
  });
});
