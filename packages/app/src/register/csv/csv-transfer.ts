import type { UnitOfWork } from "../../ports";
import type { CsvTransfer } from "./csv-port";
import { exportCsv } from "./export-csv";
import { importCsv } from "./import-csv";

/** CSV import and export over the register's repositories. */
export function createCsvTransfer(unitOfWork: UnitOfWork): CsvTransfer {
  return {
    importCsv: (actor, kind, source, options) =>
      importCsv(unitOfWork, actor, kind, source, options),
    exportCsv: (actor, kind) => exportCsv(unitOfWork, actor, kind),
  };
}
