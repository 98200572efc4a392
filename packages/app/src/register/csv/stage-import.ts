import { randomUUID } from "node:crypto";
import type { StagedRow } from "../../ports";
import type { Actor } from "../../shared";
import type { RegisterUnitOfWork } from "../register-service";
import type { CsvKindSpec } from "./columns";
import { type ValidRow, withLinks } from "./validate-rows";

/**
 * Files of up to this many rows are stored in one transaction (short enough); larger ones are
 * staged first, so that no transaction holds the embedded database's one session for long.
 */
export const DIRECT_IMPORT_ROWS = 500;
/** Rows staged per transaction: a few milliseconds of the database each. */
const STAGE_BATCH = 500;
/** An import still open after this long has stopped (its server stopped): its rows go. */
export const ABANDONED_IMPORT_MS = 24 * 60 * 60 * 1000;

/**
 * Stores a checked file's rows in two steps (decision 0009): written into the register hidden, in
 * short transactions of `STAGE_BATCH` rows, with ids given here so that rows of the file can name
 * each other, then shown at once by `publish` in the transaction that `record` adds to (the audit
 * entry). If anything fails before that commits, the rows are deleted again and nobody has seen
 * them. Answers the ids of the rows stored.
 */
export async function stageAndPublish(
  unitOfWork: RegisterUnitOfWork,
  actor: Actor,
  spec: CsvKindSpec,
  levels: readonly (readonly ValidRow[])[],
  record: (repos: RegisterUnitOfWork["repositories"], ids: string[]) => Promise<void>,
): Promise<string[]> {
  const { imports } = unitOfWork.repositories;
  const organisationId = actor.organisationId;
  const importId = randomUUID();
  const rows = withIds(levels);
  const ids = rows.map((row) => row.id);
  await imports.discardAbandoned(organisationId, new Date(Date.now() - ABANDONED_IMPORT_MS));
  await imports.open(organisationId, importId);
  try {
    for (let start = 0; start < rows.length; start += STAGE_BATCH) {
      await imports.stage(
        organisationId,
        importId,
        spec.kind,
        rows.slice(start, start + STAGE_BATCH),
      );
    }
    await unitOfWork.transaction(async (repos) => {
      await repos.imports.publish(organisationId, importId, spec.kind, ids.length);
      await record(repos, ids);
    });
    return ids;
  } catch (error) {
    // Should removing the rows fail too, they stay hidden until the next sweep removes them
    // (the organisation's next import, or the server's start): the import's own error is the
    // one to report.
    await imports.discard(organisationId, importId, spec.kind, ids).catch(() => undefined);
    throw error;
  }
}

/** Every row with a new id, its links to rows of the same file filled in with theirs. */
function withIds(levels: readonly (readonly ValidRow[])[]): StagedRow[] {
  const rows = levels.flat().map((row) => ({ row, id: randomUUID() }));
  // References are unique within a file (checked before), so each names one row.
  const ids = new Map(rows.map(({ row, id }) => [row.reference, id]));
  return rows.map(({ row, id }) => ({ id, input: withLinks(row, ids) }));
}
