import type { KeysetPage, KeysetQuery, ListQuery, Page, RecordRepository } from "@tt/app";
import { and, asc, count, eq, getTableColumns, ilike, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../create-db";
import { recordsetSelect } from "./bulk-insert";
import { published } from "./import-visibility";
import {
  afterCursor,
  anyText,
  anyUuid,
  decodeCursor,
  encodeCursor,
  keysetOrder,
  normalisedName,
} from "./keyset";
import { translatePgError } from "./pg-errors";

/** The columns every organisation-scoped table has. */
interface ScopedColumns {
  id: PgColumn;
  organisationId: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
}

export interface RecordSpec<T, Input> {
  /** Singular, for messages: "passenger". */
  readonly resource: string;
  readonly table: PgTable & ScopedColumns;
  readonly referenceColumn?: PgColumn;
  /** The import that wrote a row (`import_id`), on tables CSV imports write to: see `published`. */
  readonly importColumn?: PgColumn;
  /** The name other rows' CSV files use for a row of this kind (funders, operators, calendars). */
  readonly nameColumn?: PgColumn;
  readonly searchColumns: readonly PgColumn[];
  /** The search columns that hold no address: those a narrow search reads. */
  readonly narrowSearchColumns?: readonly PgColumn[];
  readonly filterColumns: Readonly<Record<string, PgColumn>>;
  readonly orderBy: PgColumn;
  toRow(input: Input): Record<string, unknown>;
  fromRow(row: Record<string, unknown>): T;
}

/** The spec of a table CSV imports write to: its rows carry the import that wrote them. */
export type ImportableSpec<T, Input> = RecordSpec<T, Input> & { readonly importColumn: PgColumn };

/** Rows per INSERT statement (one JSON parameter each; see bulk-insert.ts). */
const ROWS_PER_INSERT = 2000;

/** Told how many rows a `createMany` stored in a table, to refresh its statistics when many. */
export type BulkInsertHook = (table: PgTable, rows: number) => Promise<void>;

/** One implementation of the scoped repository port for any register table. */
export function createRecordRepository<T, Input>(
  db: Db,
  spec: RecordSpec<T, Input>,
  onBulkInsert?: BulkInsertHook,
): RecordRepository<T, Input> {
  const { table } = spec;
  const scoped = (organisationId: string, ...more: (SQL | undefined)[]) =>
    and(visibleTo(spec, organisationId), ...more);
  const insertRows = async (organisationId: string, inputs: readonly Input[]) => {
    if (inputs.length === 0) return [];
    const values = inputs.map((input) => Object.assign(spec.toRow(input), { organisationId }));
    try {
      const rows = await db.insert(table).select(recordsetSelect(table, values)).returning();
      return (rows as Record<string, unknown>[]).map(spec.fromRow);
    } catch (error) {
      return translatePgError(error, spec.resource);
    }
  };
  return {
    async list(organisationId, query) {
      return listPage(db, spec, scoped(organisationId, ...listConditions(spec, query)), query);
    },
    listAfter: (organisationId, query) => listAfter(db, spec, organisationId, query),
    async findByIds(organisationId, ids) {
      const found: T[] = [];
      for (const chunk of chunked(ids.filter(isUuid))) {
        const rows = await db
          .select()
          .from(table)
          .where(scoped(organisationId, anyUuid(table.id, chunk)));
        found.push(...(rows as Record<string, unknown>[]).map(spec.fromRow));
      }
      return found;
    },
    async findByReferences(organisationId, references) {
      return findByKeys(db, spec, organisationId, spec.referenceColumn, references);
    },
    async findByNames(organisationId, names) {
      const column = spec.nameColumn && normalisedName(spec.nameColumn);
      const keys = names.map((name) => name.trim().replace(/\s+/g, " ").toLowerCase());
      return findByKeys(db, spec, organisationId, column, keys);
    },
    async find(organisationId, id) {
      if (!isUuid(id)) return undefined;
      const rows = await db
        .select()
        .from(table)
        .where(scoped(organisationId, eq(table.id, id)));
      const row = rows[0] as Record<string, unknown> | undefined;
      return row ? spec.fromRow(row) : undefined;
    },
    async findByReference(organisationId, reference) {
      if (!spec.referenceColumn) return undefined;
      const rows = await db
        .select()
        .from(table)
        .where(scoped(organisationId, eq(spec.referenceColumn, reference)));
      const row = rows[0] as Record<string, unknown> | undefined;
      return row ? spec.fromRow(row) : undefined;
    },
    async create(organisationId, input) {
      const [created] = await insertRows(organisationId, [input]);
      return created as T;
    },
    async createMany(organisationId, inputs) {
      const created: T[] = [];
      for (let start = 0; start < inputs.length; start += ROWS_PER_INSERT) {
        const rows = inputs.slice(start, start + ROWS_PER_INSERT);
        created.push(...(await insertRows(organisationId, rows)));
      }
      await onBulkInsert?.(table, created.length);
      return created;
    },
    async update(organisationId, id, input) {
      if (!isUuid(id)) return undefined;
      try {
        const rows = await db
          .update(table)
          .set({ ...spec.toRow(input), updatedAt: new Date() })
          .where(scoped(organisationId, eq(table.id, id)))
          .returning();
        const row = (rows as Record<string, unknown>[])[0];
        return row ? spec.fromRow(row) : undefined;
      } catch (error) {
        return translatePgError(error, spec.resource);
      }
    },
    async remove(organisationId, id) {
      if (!isUuid(id)) return false;
      try {
        const rows = await db
          .delete(table)
          .where(scoped(organisationId, eq(table.id, id)))
          .returning({ id: table.id });
        return rows.length > 0;
      } catch (error) {
        return translatePgError(error, spec.resource);
      }
    },
    async count(organisationId) {
      const [row] = await db.select({ n: count() }).from(table).where(scoped(organisationId));
      return Number(row?.n ?? 0);
    },
  };
}

/** The organisation's rows, without those of imports still open. */
function visibleTo<T, Input>(spec: RecordSpec<T, Input>, organisationId: string): SQL | undefined {
  return and(eq(spec.table.organisationId, organisationId), published(spec.importColumn));
}

function listConditions<T, Input>(spec: RecordSpec<T, Input>, query: ListQuery): SQL[] {
  const conditions: SQL[] = [];
  const search = query.search?.trim();
  const columns = query.narrowSearch
    ? (spec.narrowSearchColumns ?? spec.searchColumns)
    : spec.searchColumns;
  if (search && columns.length > 0) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(...columns.map((column) => ilike(column, pattern)));
    if (match) conditions.push(match);
  }
  for (const [name, value] of Object.entries(query.filters ?? {})) {
    const column = spec.filterColumns[name];
    if (!column) continue;
    // A value that is not a UUID matches no row of a UUID column (and must not reach the database).
    if (column.columnType === "PgUUID" && !isUuid(value)) conditions.push(sql`false`);
    else conditions.push(eq(column, value));
  }
  return conditions;
}

/** The column keyset pages are ordered by: the reference when there is one (unique, indexed). */
function keysetColumn<T, Input>(spec: RecordSpec<T, Input>): PgColumn {
  return spec.referenceColumn ?? spec.orderBy;
}

async function listAfter<T, Input>(
  db: Db,
  spec: RecordSpec<T, Input>,
  organisationId: string,
  query: KeysetQuery,
): Promise<KeysetPage<T>> {
  const { table } = spec;
  const key = keysetColumn(spec);
  const after = query.after === undefined ? undefined : decodeCursor(query.after);
  const rows = (await db
    .select()
    .from(table)
    .where(
      and(visibleTo(spec, organisationId), after ? afterCursor(key, table.id, after) : undefined),
    )
    .orderBy(...keysetOrder(key, table.id))
    .limit(query.limit)) as Record<string, unknown>[];
  const last = rows[rows.length - 1];
  const next =
    last && rows.length === query.limit
      ? encodeCursor(last[propertyOf(table, key)], last.id)
      : undefined;
  return { items: rows.map(spec.fromRow), ...(next ? { next } : {}) };
}

/** The property of a selected row that holds `column`. */
function propertyOf(table: PgTable, column: PgColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!found) throw new Error(`the column ${column.name} is not in its table`);
  return found[0];
}

async function findByKeys<T, Input>(
  db: Db,
  spec: RecordSpec<T, Input>,
  organisationId: string,
  column: PgColumn | SQL | undefined,
  keys: readonly string[],
): Promise<T[]> {
  if (!column || keys.length === 0) return [];
  const found: T[] = [];
  for (const chunk of chunked([...new Set(keys)])) {
    const rows = await db
      .select()
      .from(spec.table)
      .where(and(visibleTo(spec, organisationId), anyText(column, chunk)));
    found.push(...(rows as Record<string, unknown>[]).map(spec.fromRow));
  }
  return found;
}

/**
 * Keys looked up per statement. A file of 20,000 rows is checked in ten short statements rather
 * than one long one, which on the embedded database would keep other requests waiting.
 */
const KEYS_PER_STATEMENT = 2000;

function chunked<K>(keys: readonly K[]): K[][] {
  const chunks: K[][] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_STATEMENT)
    chunks.push(keys.slice(start, start + KEYS_PER_STATEMENT));
  return chunks;
}

/**
 * A page in the spec's order and the number of rows matching, in one statement (`count(*) over ()`
 * counts the rows before LIMIT applies); a page past the end counts them separately.
 */
async function listPage<T, Input>(
  db: Db,
  spec: RecordSpec<T, Input>,
  where: SQL | undefined,
  query: ListQuery,
): Promise<Page<T>> {
  const rows = await db
    .select({ ...getTableColumns(spec.table), matching: sql<number>`count(*) over ()` })
    .from(spec.table)
    .where(where)
    .orderBy(asc(spec.orderBy), asc(spec.table.id))
    .limit(query.limit)
    .offset(query.offset);
  const items = rows.map(({ matching: _m, ...row }) => spec.fromRow(row));
  if (rows[0]) return { items, total: Number(rows[0].matching) };
  if (query.offset === 0) return { items, total: 0 };
  const [total] = await db.select({ n: count() }).from(spec.table).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot exist; answering "not found" avoids a database type error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
