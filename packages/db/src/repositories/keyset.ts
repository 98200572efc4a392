import { asc, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** Where a keyset page stopped: the last row's key and id. */
interface Cursor {
  readonly key: string;
  readonly id: string;
}

/** The cursor of the row after which the next page starts, as an opaque string. */
export function encodeCursor(key: unknown, id: unknown): string {
  return JSON.stringify([String(key), String(id)]);
}

/** Reads a cursor made by `encodeCursor`; a wrong one is a programming error, named as such. */
export function decodeCursor(cursor: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    parsed = undefined;
  }
  const [key, id, ...rest] = Array.isArray(parsed) ? parsed : [];
  if (typeof key !== "string" || typeof id !== "string" || rest.length > 0)
    throw new Error(`listAfter: the cursor ${JSON.stringify(cursor)} was not made by listAfter`);
  return { key, id };
}

/**
 * Rows after the cursor in (key, id) order, as one row comparison, which a B-tree index on the
 * key (after the organisation) serves directly: each page costs the same, however far in.
 */
export function afterCursor(key: PgColumn, id: PgColumn, cursor: Cursor): SQL {
  return sql`(${key}, ${id}) > (${cursor.key}, ${cursor.id})`;
}

export function keysetOrder(key: PgColumn, id: PgColumn): SQL[] {
  return [asc(key), asc(id)];
}

/** `column = ANY($1)`: one array parameter, however long the list. */
export function anyText(column: PgColumn | SQL, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::text[])`;
}

export function anyUuid(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::uuid[])`;
}

/** A name as compared: trimmed, runs of white space as one space, lower case (as `nameKey`). */
export function normalisedName(column: PgColumn): SQL {
  return sql`lower(regexp_replace(btrim(${column}, E' \\t\\r\\n'), '\\s+', ' ', 'g'))`;
}
