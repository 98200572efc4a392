import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { OpenDataError } from "./open-data-error";

/**
 * One CSV data row with typed, validating accessors. `row` counts data rows from 1
 * (the header is not counted); every failure names the file, row and column.
 */
export class CsvRow {
  constructor(
    readonly file: string,
    readonly row: number,
    private readonly values: Readonly<Record<string, string>>,
  ) {}

  fail(column: string, problem: string): never {
    throw new OpenDataError(this.file, this.row, column, problem);
  }

  raw(column: string): string {
    const value = this.values[column];
    if (value === undefined) this.fail(column, "column missing");
    return value.trim();
  }

  text(column: string): string {
    const value = this.raw(column);
    if (value === "") this.fail(column, "must not be empty");
    return value;
  }

  optionalText(column: string): string | undefined {
    const value = this.raw(column);
    return value === "" ? undefined : value;
  }

  matching(column: string, pattern: RegExp): string {
    const value = this.text(column);
    if (!pattern.test(value)) this.fail(column, `"${value}" does not match ${pattern}`);
    return value;
  }

  number(column: string, min: number, max: number): number {
    const text = this.text(column);
    const value = Number(text);
    if (!Number.isFinite(value)) this.fail(column, `"${text}" is not a number`);
    if (value < min || value > max) this.fail(column, `${value} is outside ${min}..${max}`);
    return value;
  }

  integer(column: string, min: number, max: number): number {
    const value = this.number(column, min, max);
    if (!Number.isInteger(value)) this.fail(column, `${value} is not a whole number`);
    return value;
  }

  boolean(column: string): boolean {
    const value = this.text(column);
    if (value === "true") return true;
    if (value === "false") return false;
    return this.fail(column, `"${value}" is not true or false`);
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.text(column);
    const found = allowed.find((a) => a === value);
    if (found === undefined) this.fail(column, `"${value}" is not one of ${allowed.join(", ")}`);
    return found;
  }

  list(column: string): string[] {
    return this.text(column)
      .split(";")
      .map((v) => v.trim());
  }

  /** WGS84 point within Great Britain. */
  point(): { lat: number; lon: number } {
    return { lat: this.number("lat", 49.8, 60.9), lon: this.number("lon", -8.7, 1.8) };
  }
}

/** Reads `file` from `dataDir`, checks the header has `columns`, and maps each row. */
export async function readCsvRows<T>(
  dataDir: string,
  file: string,
  columns: readonly string[],
  map: (row: CsvRow) => T,
): Promise<T[]> {
  const path = join(dataDir, file);
  const text = await readFile(path, "utf8");
  const name = basename(path);
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw new OpenDataError(name, undefined, undefined, `not valid CSV: ${String(error)}`);
  }
  const header = Object.keys(records[0] ?? {});
  for (const column of columns) {
    if (records.length > 0 && !header.includes(column)) {
      throw new OpenDataError(name, undefined, column, "column missing from the header");
    }
  }
  return records.map((values, i) => map(new CsvRow(name, i + 1, values)));
}
