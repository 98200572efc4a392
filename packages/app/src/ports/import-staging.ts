/** The register tables a CSV import writes to. */
export type ImportKind = "passengers" | "places" | "vehicles" | "tripRequests";

/** A checked row of an import, with the id it will have in the register. */
export interface StagedRow {
  readonly id: string;
  /** The record's input, as the kind's repository `create` takes it. */
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * Rows of a CSV import, written in short transactions ahead of time and then published into the
 * register at once: a long import never holds the database for long, and a failed one (or one
 * whose server stopped) publishes nothing.
 */
export interface ImportStaging {
  /**
   * Adds rows to the import at positions `first`, `first + 1`, …: rows are published in the
   * order of their positions.
   */
  stage(
    organisationId: string,
    importId: string,
    kind: ImportKind,
    rows: readonly StagedRow[],
    first: number,
  ): Promise<void>;
  /**
   * Copies every staged row of the import into the register in one statement; answers how many.
   * Run it in the transaction that records the import (its audit entry), then `discard`.
   */
  publish(organisationId: string, importId: string, kind: ImportKind): Promise<number>;
  /** Forgets the import's staged rows (published, or failed), a few at a time. */
  discard(organisationId: string, importId: string): Promise<void>;
  /** Forgets rows of the organisation's imports staged before `before` (their import never ended). */
  discardAbandoned(organisationId: string, before: Date): Promise<void>;
}
