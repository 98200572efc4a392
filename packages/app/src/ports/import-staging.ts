/** The register tables a CSV import writes to. */
export type ImportKind = "passengers" | "places" | "vehicles" | "tripRequests";

/** A checked row of an import, with the id it will have in the register. */
export interface StagedRow {
  readonly id: string;
  /** The record's input, as the kind's repository `create` takes it. */
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * A CSV import too large for one short transaction (decision 0009): its rows are written into the
 * register in short transactions, hidden from every read while the import is open, and shown all
 * at once when it is published. An import that fails, or whose server stops, shows nothing.
 */
export interface ImportStaging {
  /** Opens an import: rows staged for it stay out of every read until `publish`. */
  open(organisationId: string, importId: string): Promise<void>;
  /** Writes rows into the register, hidden; a row may name rows staged before it. */
  stage(
    organisationId: string,
    importId: string,
    kind: ImportKind,
    rows: readonly StagedRow[],
  ): Promise<void>;
  /**
   * Shows every row the import staged, at once, and closes it. Run it in the transaction that
   * records the import (its audit entry). `rows` (how many were staged) says whether the table's
   * statistics need refreshing.
   */
  publish(organisationId: string, importId: string, kind: ImportKind, rows: number): Promise<void>;
  /** Deletes the rows of an import that failed, a few at a time (`ids` as staged), and closes it. */
  discard(
    organisationId: string,
    importId: string,
    kind: ImportKind,
    ids: readonly string[],
  ): Promise<void>;
  /** Deletes the rows of the organisation's imports opened before `before` (they never ended). */
  discardAbandoned(organisationId: string, before: Date): Promise<void>;
  /**
   * The same for every organisation, when the server starts (no actor: maintenance); answers how
   * many imports were removed.
   */
  discardEveryAbandoned(before: Date): Promise<number>;
}
