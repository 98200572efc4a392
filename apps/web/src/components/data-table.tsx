import { flexRender, type Header, type RowData, type Table } from "@tanstack/react-table";
import type { ReactNode } from "react";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, as GOV.UK tables set numbers. */
    readonly numeric?: boolean;
    /** The header is read by screen readers only (e.g. "Actions"). */
    readonly hiddenHeader?: boolean;
  }
}

type AriaSort = "ascending" | "descending" | "none";

/** The header's `aria-sort`: how the table is ordered by this column, for screen readers. */
export function ariaSort<T>(header: Header<T, unknown>): AriaSort | undefined {
  if (!header.column.getCanSort()) return undefined;
  const sorted = header.column.getIsSorted();
  if (sorted === "asc") return "ascending";
  if (sorted === "desc") return "descending";
  return "none";
}

function HeaderCell<T>({ header }: { header: Header<T, unknown> }) {
  const meta = header.column.columnDef.meta;
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const className = `govuk-table__header${meta?.numeric ? " govuk-table__header--numeric" : ""}`;
  if (meta?.hiddenHeader) {
    return (
      <th scope="col" className={className}>
        <span className="govuk-visually-hidden">{label}</span>
      </th>
    );
  }
  const sort = ariaSort(header);
  return (
    <th scope="col" className={className} aria-sort={sort}>
      {sort === undefined ? (
        label
      ) : (
        <button
          type="button"
          className="app-sort-button"
          onClick={header.column.getToggleSortingHandler()}
          data-sorted={header.column.getIsSorted() || undefined}
        >
          {label}
        </button>
      )}
    </th>
  );
}

/**
 * A TanStack table as a GOV.UK table. Sortable columns have a button in their header, and the
 * header says how the rows are ordered (`aria-sort`), as in the MOJ sortable table.
 */
export function DataTable<T>({
  table,
  caption,
  captionClassName = "govuk-table__caption govuk-table__caption--m",
  testId,
  className = "govuk-table",
}: {
  table: Table<T>;
  caption: ReactNode;
  captionClassName?: string;
  testId?: string;
  className?: string;
}) {
  return (
    <table className={className} data-testid={testId}>
      <caption className={captionClassName}>{caption}</caption>
      <thead className="govuk-table__head">
        {table.getHeaderGroups().map((group) => (
          <tr className="govuk-table__row" key={group.id}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody className="govuk-table__body">
        {table.getRowModel().rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td
                key={cell.id}
                className={`govuk-table__cell${cell.column.columnDef.meta?.numeric ? " govuk-table__cell--numeric" : ""}`}
              >
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
