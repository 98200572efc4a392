import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { openImports } from "../schema";

/**
 * The condition every read of an importable register table carries (decision 0009): rows written
 * by an import still open (`open_imports`) are not there yet. The list of open imports is short
 * (one per import running), so the database checks it once per statement, as a hashed set.
 */
export function published(importColumn: PgColumn | undefined): SQL | undefined {
  if (!importColumn) return undefined;
  return sql`(${importColumn} is null or ${importColumn} not in (select ${openImports.importId} from ${openImports}))`;
}
