/**
 * Child process for the crash-safety test: imports a passengers CSV into the database named on
 * the command line and prints a line after every batch it stages and once it has published (in
 * the transaction, before the commit), so the parent can kill it at those moments.
 *
 *   node --import tsx crash-import-child.ts <pglite DIR | postgres URL> FILE ORGANISATION_ID USER_ID
 *
 * Prints `staged <rows>` after each batch, `published <rows>` before the commit, and
 * `committed <rows>` when the import has returned.
 */
import { createReadStream } from "node:fs";
import { createDb, createUnitOfWork } from "@tt/db";
import type { ImportStaging, UnitOfWork } from "../../../ports";
import { createCsvTransfer } from "../csv-transfer";

/** The import's staging, announcing each batch staged and the publish (before it commits). */
function announcing(imports: ImportStaging, counts: { staged: number }): ImportStaging {
  return {
    ...imports,
    async stage(organisationId, importId, kind, rows) {
      await imports.stage(organisationId, importId, kind, rows);
      counts.staged += rows.length;
      process.stdout.write(`staged ${counts.staged}\n`);
    },
    async publish(organisationId, importId, kind, rows) {
      await imports.publish(organisationId, importId, kind, rows);
      process.stdout.write(`published ${rows}\n`);
    },
  };
}

function announcingImports(unitOfWork: UnitOfWork): UnitOfWork {
  const counts = { staged: 0 };
  const repositories = unitOfWork.repositories;
  return {
    repositories: { ...repositories, imports: announcing(repositories.imports, counts) },
    transaction: (work, options) =>
      unitOfWork.transaction(
        (repos) => work({ ...repos, imports: announcing(repos.imports, counts) }),
        options,
      ),
  };
}

async function main(): Promise<void> {
  const [driver, target, file, organisationId, userId] = process.argv.slice(2);
  if (!driver || !target || !file || !organisationId || !userId)
    throw new Error("missing arguments");
  const handle =
    driver === "pglite"
      ? await createDb({ driver: "pglite", dataDir: target })
      : await createDb({ driver: "postgres", url: target, maxConnections: 2 });
  await handle.migrate();
  const csv = createCsvTransfer(announcingImports(createUnitOfWork(handle.db)));
  const actor = { userId, organisationId, role: "admin" as const, purpose: "crash test" };
  const report = await csv.importCsv(actor, "passengers", createReadStream(file));
  process.stdout.write(`committed ${report.created}\n`);
  await handle.close();
}

await main();
