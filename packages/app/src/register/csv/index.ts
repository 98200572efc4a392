export { neutraliseFormula } from "./codecs";
export type { Column, CsvKindSpec } from "./columns";
export * from "./csv-port";
export { createCsvTransfer } from "./csv-transfer";
export { exportedColumns } from "./export-csv";
export { MAX_LISTED_ISSUES } from "./issues";
export { CSV_SPECS } from "./kinds";
export { ABANDONED_IMPORT_MS } from "./stage-import";
