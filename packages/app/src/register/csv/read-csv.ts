import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { Column, CsvKindSpec } from "./columns";
import { normaliseHeader } from "./columns";
import type { IssueList } from "./issues";

/** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface CsvRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The header row matched against a kind's columns. */
export interface Header {
  /** The column of each cell position (undefined for a blank header cell). */
  readonly byPosition: readonly (Column | undefined)[];
  readonly present: ReadonlySet<string>;
}

/** Records read between two yields to the event loop: other requests are served meanwhile. */
const RECORDS_PER_TURN = 500;

/**
 * Streams records from CSV text: UTF-8 with or without a byte-order mark, LF or CRLF line ends.
 * Rows are numbered as in a spreadsheet: the header is row 1, the first data row is row 2.
 * A malformed file (an unclosed quote…) ends the stream with an issue on the row it broke at.
 * `maxRows` bounds the rows read, blank lines included: past it the file is refused with an issue.
 */
export async function* readRecords(
  source: AsyncIterable<string | Uint8Array>,
  issues: IssueList,
  maxRows = Number.POSITIVE_INFINITY,
): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  const input = Readable.from(source);
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      if (row > maxRows) {
        const message = `the file has more than ${maxRows} rows, blank lines included`;
        issues.add({ row, path: "", message });
        return;
      }
      if (row % RECORDS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      yield { row, cells };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.add({ row: row + 1, path: "", message: `the file cannot be read as CSV: ${message}` });
  } finally {
    input.destroy();
  }
}

/** Matches the header row to the columns; reports unknown, repeated and missing headers. */
export function readHeader(spec: CsvKindSpec, cells: readonly string[], issues: IssueList): Header {
  const known = new Map(spec.columns.map((c) => [c.header, c]));
  const present = new Set<string>();
  const byPosition = cells.map((cell) => {
    const name = normaliseHeader(cell);
    if (name === "") return undefined;
    const column = known.get(name);
    if (!column) {
      issues.add({ row: 1, path: cell.trim(), message: `unknown column "${cell.trim()}"` });
    } else if (present.has(name)) {
      issues.add({ row: 1, path: name, message: `column "${name}" appears more than once` });
    }
    present.add(name);
    return column;
  });
  for (const column of spec.columns) {
    if (column.required && !present.has(column.header)) {
      issues.add({ row: 1, path: column.header, message: `missing column "${column.header}"` });
    }
  }
  checkOneOf(spec, present, issues);
  return { byPosition, present };
}

function checkOneOf(spec: CsvKindSpec, present: ReadonlySet<string>, issues: IssueList): void {
  if (!spec.oneOf || spec.oneOf.some((group) => group.every((h) => present.has(h)))) return;
  const choices = spec.oneOf.map((group) => group.join(" and ")).join(", or ");
  issues.add({
    row: 1,
    path: spec.oneOf[0]?.[0] ?? "",
    message: `missing columns: give ${choices}`,
  });
}
