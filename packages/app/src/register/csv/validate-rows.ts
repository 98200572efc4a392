import type { RegisterInput } from "../../ports";
import {
  type Column,
  type CsvKindSpec,
  type Draft,
  type FileReference,
  headerForPath,
  setPath,
} from "./columns";
import type { CsvKind } from "./csv-port";
import type { IssueList } from "./issues";
import type { Lookups } from "./lookups";
import type { CsvRecord, Header } from "./read-csv";

const NOT_UTF8 =
  'the text is not UTF-8: save the spreadsheet as "CSV UTF-8 (comma delimited)" and try again';

/** A row that passed every check that can be made on its own. */
export interface ValidRow<K extends CsvKind = CsvKind> {
  readonly row: number;
  readonly reference: string;
  readonly input: RegisterInput<K>;
  readonly references: readonly FileReference[];
}

/** The row's input with the ids of the rows of the same file it links to (`ids` by reference). */
export function withLinks<K extends CsvKind>(
  row: ValidRow<K>,
  ids: ReadonlyMap<string, string>,
): RegisterInput<K> {
  const links: Record<string, string | undefined> = {};
  for (const link of row.references) {
    if (link.assign) links[link.assign] = ids.get(link.reference);
  }
  return { ...row.input, ...links };
}

/** Checks rows one by one as they stream in; remembers references to check the file as a whole. */
export class RowValidator<K extends CsvKind = CsvKind> {
  readonly valid: ValidRow<K>[] = [];
  /** Every reference in the file, valid row or not, with the first row that used it. */
  readonly fileReferences = new Map<string, number>();
  private readonly singular: string;

  constructor(
    private readonly spec: CsvKindSpec<K>,
    private readonly header: Header,
    private readonly lookups: Lookups,
    private readonly issues: IssueList,
    singular: string,
  ) {
    this.singular = singular;
  }

  /** Validates one data row, adding its problems to the issue list. */
  check(record: CsvRecord): void {
    if (record.cells.every((cell) => cell.trim() === "")) return;
    const reported = new Set<string>();
    const failed = new Set<string>();
    const report = (column: string, message: string) => {
      reported.add(column);
      this.issues.add({ row: record.row, path: column, message });
    };
    const draft = this.readCells(record, (column, message) => {
      failed.add(column);
      report(column, message);
    });
    const reference = typeof draft.reference === "string" ? draft.reference : "";
    this.checkReference(reference, record.row, report);
    const references: FileReference[] = [];
    const input = this.spec.toInput(draft, {
      lookups: this.lookups,
      report,
      failed: (column) => failed.has(column),
      defer: (r) => references.push(r),
    });
    const parsed = this.spec.schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = headerForPath(this.spec.columns, this.header.present, issue.path.join("."));
        if (!reported.has(column))
          this.issues.add({ row: record.row, path: column, message: issue.message });
      }
    }
    if (parsed.success && !this.issues.hasRow(record.row)) {
      this.valid.push({ row: record.row, reference, input: parsed.data, references });
    }
  }

  /**
   * Runs a row's look-ups only, checking nothing: with recording lookups, this learns which
   * references and names the row uses, so that they can be fetched in one query per kind.
   */
  noteKeys(record: CsvRecord): void {
    const draft = this.readCells(record, () => undefined);
    if (typeof draft.reference === "string") this.lookups.own.find(draft.reference);
    this.spec.toInput(draft, {
      lookups: this.lookups,
      report: () => undefined,
      failed: () => false,
      defer: () => undefined,
    });
  }

  private readCells(record: CsvRecord, report: (column: string, message: string) => void): Draft {
    const draft: Draft = {};
    record.cells.forEach((cell, position) => {
      const column: Column | undefined = this.header.byPosition[position];
      if (cell.trim() === "") return;
      if (!column) {
        if (position >= this.header.byPosition.length)
          report("", `a value "${cell.trim()}" lies beyond the last column`);
        return;
      }
      if (cell.includes("\uFFFD")) {
        report(column.header, NOT_UTF8);
        return;
      }
      const parsed = column.codec.parse(cell);
      if (parsed.ok) setPath(draft, column.target, parsed.value);
      else report(column.header, parsed.message);
    });
    return draft;
  }

  private checkReference(
    reference: string,
    row: number,
    report: (column: string, message: string) => void,
  ): void {
    if (reference === "") return;
    const first = this.fileReferences.get(reference);
    if (first !== undefined) {
      report("reference", `reference "${reference}" is already used on row ${first}`);
      return;
    }
    this.fileReferences.set(reference, row);
    if (this.lookups.own.find(reference).length > 0) {
      report(
        "reference",
        `a ${this.singular} with reference "${reference}" already exists in your organisation`,
      );
    }
  }
}
