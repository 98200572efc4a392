import type { ImportKind, ImportStaging } from "@tt/app";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../create-db";
import { openImports } from "../schema";
import { recordsetSelect } from "./bulk-insert";
import { anyUuid } from "./keyset";
import { translatePgError } from "./pg-errors";
import type { BulkInsertHook } from "./record-repository";
import { passengerSpec, placeSpec, vehicleSpec } from "./register-specs";
import { tripRequestSpec } from "./trip-request-spec";

/** Rows deleted per statement when a failed import's rows are removed. */
const DISCARD_BATCH = 2000;

/** What staging needs of a kind's repository spec: its table and how an input becomes a row. */
interface StagedSpec {
  readonly resource: string;
  readonly table: PgTable & { id: PgColumn; organisationId: PgColumn };
  readonly importColumn: PgColumn;
  toRow(input: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

const SPECS: Record<ImportKind, StagedSpec> = {
  passengers: passengerSpec,
  places: placeSpec,
  vehicles: vehicleSpec,
  tripRequests: tripRequestSpec,
};

/** Tables in the order an abandoned import's rows are deleted: rows naming others go first. */
const DELETE_ORDER: readonly ImportKind[] = ["tripRequests", "vehicles", "places", "passengers"];

/**
 * Large CSV imports (decision 0009): rows written into the register hidden, under an open import,
 * and shown at once when it is published.
 */
export function createImportStaging(db: Db, onBulkInsert?: BulkInsertHook): ImportStaging {
  const importRows = (kind: ImportKind, organisationId: string, importId: string) => {
    const { table, importColumn } = SPECS[kind];
    return and(eq(table.organisationId, organisationId), eq(importColumn, importId));
  };
  const close = (organisationId: string, importIds: readonly string[]) =>
    db
      .delete(openImports)
      .where(
        and(
          eq(openImports.organisationId, organisationId),
          inArray(openImports.importId, [...importIds]),
        ),
      )
      .returning({ importId: openImports.importId });
  /** Deletes the rows of these open imports of the organisation, then the imports. */
  const removeImports = async (organisationId: string, importIds: string[]) => {
    if (importIds.length === 0) return;
    for (const kind of DELETE_ORDER) {
      const { table, importColumn } = SPECS[kind];
      await db
        .delete(table)
        .where(and(eq(table.organisationId, organisationId), inArray(importColumn, importIds)));
    }
    await close(organisationId, importIds);
  };
  return {
    async open(organisationId, importId) {
      await db.insert(openImports).values({ organisationId, importId });
    },
    async stage(organisationId, importId, kind, rows) {
      if (rows.length === 0) return;
      const spec = SPECS[kind];
      const values = rows.map((row) =>
        Object.assign(spec.toRow(row.input), { id: row.id, organisationId, importId }),
      );
      try {
        await db.insert(spec.table).select(recordsetSelect(spec.table, values));
      } catch (error) {
        return translatePgError(error, spec.resource);
      }
    },
    async publish(organisationId, importId, kind, rows) {
      const closed = await close(organisationId, [importId]);
      if (closed.length === 0)
        throw new Error(`the import ${importId} is not open: its rows were removed`);
      await onBulkInsert?.(SPECS[kind].table, rows);
    },
    async discard(organisationId, importId, kind, ids) {
      const { table } = SPECS[kind];
      const newestFirst = [...ids].reverse();
      for (let start = 0; start < newestFirst.length; start += DISCARD_BATCH) {
        const batch = newestFirst.slice(start, start + DISCARD_BATCH);
        await db
          .delete(table)
          .where(and(importRows(kind, organisationId, importId), anyUuid(table.id, batch)));
      }
      await close(organisationId, [importId]);
    },
    async discardAbandoned(organisationId, before) {
      const abandoned = await db
        .select({ importId: openImports.importId })
        .from(openImports)
        .where(
          and(eq(openImports.organisationId, organisationId), lt(openImports.openedAt, before)),
        );
      await removeImports(
        organisationId,
        abandoned.map((row) => row.importId),
      );
    },
    async discardEveryAbandoned(before) {
      const abandoned = await db
        .select({ importId: openImports.importId, organisationId: openImports.organisationId })
        .from(openImports)
        .where(lt(openImports.openedAt, before));
      const byOrganisation = new Map<string, string[]>();
      for (const { organisationId, importId } of abandoned)
        byOrganisation.set(organisationId, [
          ...(byOrganisation.get(organisationId) ?? []),
          importId,
        ]);
      for (const [organisationId, importIds] of byOrganisation)
        await removeImports(organisationId, importIds);
      return abandoned.length;
    },
  };
}
