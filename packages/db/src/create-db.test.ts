import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "./raw-query";
import { listTestDrivers } from "./test-databases";

describe.each(listTestDrivers())("migrations on $name", ({ open }) => {
  it("creates every table of the schema", async () => {
    const handle = await open();
    try {
      const rows = await queryRows<{ table_name: string }>(
        handle.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      const names = rows.map((r) => r.table_name);
      for (const table of [
        "organisations",
        "users",
        "passengers",
        "places",
        "trip_requests",
        "vehicles",
        "staff",
        "audit_log",
        "plans",
        "runs",
        "jobs",
      ]) {
        expect(names).toContain(table);
      }
    } finally {
      await handle.close();
    }
  });
});
