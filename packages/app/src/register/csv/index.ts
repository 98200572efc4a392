export { neutraliseFormula } from "./codecs";
export type { Column, CsvKindSpec } from "./columns";
export * from "./csv-port";
export { createCsvTransfer } from "./csv-transfer";
export { exportedColumns } from "./export-csv";
export { IssueList, MAX_LISTED_ISSUES } from "./issues";
export { CSV_SPECS } from "./kinds";
export { type CsvRecord, readRecords } from "./read-csv";
export { ABANDONED_IMPORT_MS } from "./stage-import";
