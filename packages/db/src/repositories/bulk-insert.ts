import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

type Columns = [string, PgColumn][];

/**
 * Rows to insert as one `SELECT … FROM jsonb_to_recordset($1)`: a single parameter however many
 * rows, read by the database in one pass. On the embedded database this stores an import's rows in
 * well under half the time of multi-row VALUES with a parameter per cell, so its transaction holds
 * the one session for less. Columns come in the table's order, as `insert(…).select(…)` expects;
 * a column no row gives takes its default (or NULL).
 */
export function recordsetSelect(table: PgTable, rows: readonly Record<string, unknown>[]): SQL {
  const columns = insertedColumns(table);
  const given = columns.filter(([key]) => rows.some((row) => row[key] !== undefined));
  const records = rows.map((row) => jsonRecord(given, row));
  return sql`select ${selected(columns, given)} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${shape(given)})`;
}

/** A row of `table` as JSON with the database's column names, for `recordSelect` later. */
export function tableRecord(table: PgTable, row: Record<string, unknown>): Record<string, unknown> {
  return jsonRecord(insertedColumns(table), row);
}

/**
 * `INSERT INTO table … SELECT …` of rows of `table` made by `tableRecord` and kept in the jsonb
 * column `json` of `from`, each column read as `recordsetSelect` reads it.
 */
export function insertFromRecords(
  table: PgTable,
  json: SQL,
  from: SQL,
  where: SQL,
  order: SQL,
): SQL {
  const columns = insertedColumns(table);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) select ${selected(columns, columns)} from ${from} cross join lateral jsonb_to_record(${json}) as r(${shape(columns)}) where ${where} order by ${order}`;
}

/** Generated columns always take their generated value, as drizzle's own inserts leave them out. */
function insertedColumns(table: PgTable): Columns {
  return Object.entries(getTableColumns(table)).filter(
    ([, column]) => column.generated === undefined || column.generated.type === "byDefault",
  );
}

function jsonRecord(given: Columns, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(given.map(([key, column]) => [column.name, toJson(column, row[key])]));
}

function shape(given: Columns): SQL {
  return sql.join(
    given.map(([, column]) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
}

function selected(columns: Columns, given: Columns): SQL {
  return sql.join(
    columns.map(([key, column]) => {
      const fallback = defaultOf(column);
      if (!given.some(([k]) => k === key)) return fallback;
      const value = sql`r.${sql.identifier(column.name)}`;
      return column.hasDefault ? sql`coalesce(${value}, ${fallback})` : value;
    }),
    sql`, `,
  );
}

function toJson(column: PgColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (column.dataType === "json" || Array.isArray(value)) return value;
  return column.mapToDriverValue(value);
}

function defaultOf(column: PgColumn): SQL {
  if (is(column.default, SQL)) return column.default;
  if (column.default !== undefined) return sql`${column.mapToDriverValue(column.default)}`;
  return sql`null`;
}
