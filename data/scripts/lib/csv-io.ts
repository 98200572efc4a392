import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

export type Row = Record<string, string>;

/** Reads a CSV file with a header row into string records. */
export function readCsv(path: string): Row[] {
  const text = readFileSync(path, "utf8");
  const rows: unknown = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  if (!Array.isArray(rows)) throw new Error(`${path}: expected rows`);
  return rows as Row[];
}

/** Returns a named column, throwing when the source file lacks it. */
export function col(row: Row, name: string, file: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`${file}: missing column "${name}"`);
  return value.trim();
}

export function num(row: Row, name: string, file: string): number {
  const raw = col(row, name, file).replaceAll(",", "");
  const value = Number(raw);
  if (raw === "" || !Number.isFinite(value)) {
    throw new Error(`${file}: column "${name}" is not a number: "${raw}"`);
  }
  return value;
}

export type Cell = string | number | boolean | null | undefined;

function escapeCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes records as CSV with the given column order and a trailing newline. */
export function writeCsv(path: string, columns: readonly string[], rows: readonly Cell[][]): void {
  const lines = [columns.join(","), ...rows.map((r) => r.map(escapeCell).join(","))];
  writeFileSync(path, `${lines.join("\n")}\n`, "utf8");
}
