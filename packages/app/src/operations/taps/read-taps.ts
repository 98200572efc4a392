import {
  findMinutesOfDay,
  MAX_TAP_ROWS,
  TAP_COLUMNS,
  type TapColumn,
  type TapRow,
  tapRowSchema,
} from "@tt/domain";
import { type IssueList, MAX_LISTED_ISSUES, readRecords } from "../../register";

/** A tap as read, with its row number as a spreadsheet shows it. */
export interface ReadTap {
  readonly row: number;
  readonly tap: TapRow;
  readonly minutes: number;
}

/** The position of each column in the header row; every column is needed. */
function readTapHeader(cells: readonly string[], issues: IssueList): Map<TapColumn, number> {
  const positions = new Map<TapColumn, number>();
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    const column = TAP_COLUMNS.find((c) => c === name);
    if (!column && name !== "") {
      issues.add({ row: 1, path: cell.trim(), message: `unknown column "${cell.trim()}"` });
    } else if (column && positions.has(column)) {
      issues.add({ row: 1, path: column, message: `column "${column}" appears more than once` });
    } else if (column) positions.set(column, i);
  });
  for (const column of TAP_COLUMNS) {
    if (!positions.has(column)) {
      issues.add({ row: 1, path: column, message: `missing column "${column}"` });
    }
  }
  return positions;
}

function readRow(
  row: number,
  cells: readonly string[],
  header: Map<TapColumn, number>,
  issues: IssueList,
): ReadTap | undefined {
  const raw = Object.fromEntries(TAP_COLUMNS.map((c) => [c, cells[header.get(c) ?? -1] ?? ""]));
  const parsed = tapRowSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.add({ row, path: String(issue.path[0] ?? ""), message: issue.message });
    }
    return undefined;
  }
  return { row, tap: parsed.data, minutes: findMinutesOfDay(parsed.data.time) ?? 0 };
}

/**
 * Reads a tap file (`date,card,vehicle,stop,time`), every row checked; the problems go in
 * `issues` with their rows, and blank lines are skipped. Stops reading past `MAX_TAP_ROWS`.
 */
export async function readTaps(
  source: AsyncIterable<string | Uint8Array>,
  issues: IssueList,
): Promise<ReadTap[]> {
  const taps: ReadTap[] = [];
  let header: Map<TapColumn, number> | undefined;
  for await (const record of readRecords(source, issues, 2 * MAX_TAP_ROWS + 1)) {
    if (record.row === 1) {
      header = readTapHeader(record.cells, issues);
      if (!issues.isEmpty) return taps;
      continue;
    }
    if (!header || record.cells.every((cell) => cell.trim() === "")) continue;
    if (taps.length >= MAX_TAP_ROWS) {
      const message = `a file holds at most ${MAX_TAP_ROWS} taps: split it by month`;
      issues.add({ row: record.row, path: "", message });
      return taps;
    }
    const tap = readRow(record.row, record.cells, header, issues);
    if (tap) taps.push(tap);
    // A file this wrong is not read to its end: the first problems say what to mend.
    // (A row has at most a problem per column: stop while the list has room to say so.)
    if (issues.listedCount >= MAX_LISTED_ISSUES - TAP_COLUMNS.length - 1) {
      const message = `reading stopped at row ${record.row}: mend the problems listed and import the file again`;
      issues.add({ row: record.row, path: "", message });
      return taps;
    }
  }
  if (header && taps.length === 0 && issues.isEmpty) {
    issues.add({ row: 2, path: "", message: "the file has no taps below its header" });
  }
  if (!header && issues.isEmpty) {
    issues.add({
      row: 1,
      path: "",
      message: `the file is empty: give the header ${TAP_COLUMNS.join(",")}`,
    });
  }
  return taps;
}
