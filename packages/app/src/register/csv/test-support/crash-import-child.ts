/**
 * Child process for the crash-safety test: imports a passengers CSV into the database named on
 * the command line and prints a line after every batch the transaction inserts, so the parent
 * can kill it mid-transaction.
 *
 *   node --import tsx crash-import-child.ts <pglite DIR | postgres URL> FILE ORGANISATION_ID USER_ID
 *
 * Prints `inserted <rows>` after each batch, `committed <rows>` when the import has returned.
 */
import { createReadStream } from "node:fs";
import { createDb, createUnitOfWork } from "@tt/db";
import type { Repositories, UnitOfWork } from "../../../ports";
import { createCsvTransfer } from "../csv-transfer";

function announcingInserts(unitOfWork: UnitOfWork): UnitOfWork {
  return {
    repositories: unitOfWork.repositories,
    transaction: (work) =>
      unitOfWork.transaction((repos) => {
        let inserted = 0;
        const passengers: Repositories["passengers"] = {
          ...repos.passengers,
          async createMany(organisationId, inputs) {
            const created = await repos.passengers.createMany(organisationId, inputs);
            inserted += created.length;
            process.stdout.write(`inserted ${inserted}\n`);
            return created;
          },
        };
        return work({ ...repos, passengers });
      }),
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
  const csv = createCsvTransfer(announcingInserts(createUnitOfWork(handle.db)));
  const actor = { userId, organisationId, role: "admin" as const, purpose: "crash test" };
  const report = await csv.importCsv(actor, "passengers", createReadStream(file));
  process.stdout.write(`committed ${report.created}\n`);
  await handle.close();
}

await main();
