import type { ImportKind, ImportStaging } from "@tt/app";
import { and, eq, lt, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../create-db";
import { queryRows } from "../raw-query";
import { importRows } from "../schema";
import { insertFromRecords, tableRecord } from "./bulk-insert";
import { translatePgError } from "./pg-errors";
import type { BulkInsertHook } from "./record-repository";
import { passengerSpec, placeSpec, vehicleSpec } from "./register-specs";
import { tripRequestSpec } from "./trip-request-spec";

/** Rows deleted per statement when an import's staged rows are forgotten. */
const DISCARD_BATCH = 2000;

/** What staging needs of a kind's repository spec: its table and how an input becomes a row. */
interface StagedSpec {
  readonly resource: string;
  readonly table: PgTable;
  toRow(input: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

const SPECS: Record<ImportKind, StagedSpec> = {
  passengers: passengerSpec,
  places: placeSpec,
  vehicles: vehicleSpec,
  tripRequests: tripRequestSpec,
};

/** Staged CSV import rows (`import_rows`), published into the register in one statement. */
export function createImportStaging(db: Db, onBulkInsert?: BulkInsertHook): ImportStaging {
  const ofImport = (organisationId: string, importId: string, ...more: SQL[]) =>
    and(eq(importRows.organisationId, organisationId), eq(importRows.importId, importId), ...more);
  return {
    async stage(organisationId, importId, kind, rows, first) {
      if (rows.length === 0) return;
      const spec = SPECS[kind];
      await db.insert(importRows).values(
        rows.map((row, index) => ({
          importId,
          organisationId,
          kind,
          position: first + index,
          row: tableRecord(spec.table, { ...spec.toRow(row.input), id: row.id, organisationId }),
        })),
      );
    },
    async publish(organisationId, importId, kind) {
      const spec = SPECS[kind];
      const insert = insertFromRecords(
        spec.table,
        sql`${importRows.row}`,
        sql`${importRows}`,
        sql`${ofImport(organisationId, importId, eq(importRows.kind, kind))}`,
        sql`${importRows.position}`,
      );
      try {
        const published = await counted(db, sql`${insert} returning 1`);
        await onBulkInsert?.(spec.table, published);
        return published;
      } catch (error) {
        return translatePgError(error, spec.resource);
      }
    },
    async discard(organisationId, importId) {
      for (;;) {
        const batch = sql`select ctid from ${importRows} where ${ofImport(organisationId, importId)} limit ${DISCARD_BATCH}`;
        const gone = await counted(
          db,
          sql`delete from ${importRows} where ctid in (${batch}) returning 1`,
        );
        if (gone < DISCARD_BATCH) return;
      }
    },
    async discardAbandoned(organisationId, before) {
      await db
        .delete(importRows)
        .where(and(eq(importRows.organisationId, organisationId), lt(importRows.stagedAt, before)));
    },
  };
}

/** How many rows a statement ending in `returning 1` touched, without sending them back. */
async function counted(db: Db, statement: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with touched as (${statement}) select count(*)::int as n from touched`,
  );
  return row?.n ?? 0;
}
