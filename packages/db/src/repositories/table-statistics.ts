import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../create-db";
import type { BulkInsertHook } from "./record-repository";

/** Rows stored at once from which a table's planner statistics are refreshed. */
export const ANALYZE_AFTER_ROWS = 1000;

/**
 * Rows sampled per column statistic ÷ 300 (PostgreSQL's default is 100: 30,000 rows). The paged
 * reads need the table's size and rough distributions, not fine histograms, and a small sample
 * keeps each ANALYZE short: on the embedded database it holds the one session while it runs.
 */
const STATISTICS_TARGET = 10;

/**
 * Refreshes a table's planner statistics, from a small sample. PostgreSQL's autovacuum does this
 * in the background, later; the embedded database has no autovacuum at all, and without
 * statistics its plans for paged reads of a large register cost several times more. Runs outside
 * any transaction, one short transaction per table.
 */
export async function analyseTables(db: Db, tables: Iterable<PgTable>): Promise<void> {
  for (const table of new Set(tables)) {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local default_statistics_target = ${STATISTICS_TARGET}`));
      await tx.execute(sql`analyze ${sql.identifier(getTableName(table))}`);
    });
  }
}

/** Outside a transaction: analyse at once after a bulk insert. */
export function analyseAfterBulkInsert(db: Db): BulkInsertHook {
  return async (table, rows) => {
    if (rows >= ANALYZE_AFTER_ROWS) await analyseTables(db, [table]);
  };
}

/** Inside a transaction: count the rows stored per table, to analyse once it has committed. */
export function collectBulkInserts(into: Map<PgTable, number>): BulkInsertHook {
  return async (table, rows) => {
    into.set(table, (into.get(table) ?? 0) + rows);
  };
}

/** The tables that received enough rows to need fresh statistics. */
export function bulkTables(inserted: ReadonlyMap<PgTable, number>): PgTable[] {
  return [...inserted].filter(([, rows]) => rows >= ANALYZE_AFTER_ROWS).map(([table]) => table);
}
