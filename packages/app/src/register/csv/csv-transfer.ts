import type { RegisterUnitOfWork } from "../register-service";
import type { CsvTransfer } from "./csv-port";
import { exportCsv } from "./export-csv";
import { importCsv } from "./import-csv";

/** CSV import and export over the register's repositories. */
export function createCsvTransfer(unitOfWork: RegisterUnitOfWork): CsvTransfer {
  return {
    importCsv: (actor, kind, source, options) =>
      importCsv(unitOfWork, actor, kind, source, options),
    exportCsv: (actor, kind) => exportCsv(unitOfWork, actor, kind),
  };
}
