/** A shipped open-data file that does not match its documented format. */
export class OpenDataError extends Error {
  override readonly name = "OpenDataError";

  constructor(
    readonly file: string,
    readonly row: number | undefined,
    readonly column: string | undefined,
    readonly problem: string,
  ) {
    const where = [file, row === undefined ? "" : `row ${row}`, column ? `column "${column}"` : ""]
      .filter((part) => part !== "")
      .join(", ");
    super(`${where}: ${problem}`);
  }
}
