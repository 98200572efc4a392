import type { Actor } from "../../shared";

/** Register resources that can be loaded from and saved to CSV. */
export const CSV_KINDS = ["passengers", "places", "vehicles", "tripRequests"] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export interface ImportReport {
  readonly kind: CsvKind;
  /** Data rows read (the header excluded). */
  readonly rowsRead: number;
  readonly created: number;
}

export interface ImportOptions {
  /** Called now and then with the number of data rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
}

/**
 * CSV import and export. An import is all-or-nothing: a file with any bad row stores nothing and
 * fails with `validation-failed`, listing every problem with its row number.
 */
export interface CsvTransfer {
  importCsv(
    actor: Actor,
    kind: CsvKind,
    source: AsyncIterable<string | Uint8Array>,
    options?: ImportOptions,
  ): Promise<ImportReport>;
  exportCsv(actor: Actor, kind: CsvKind): AsyncIterable<string>;
}
