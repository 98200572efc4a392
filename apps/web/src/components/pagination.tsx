import type { Table } from "@tanstack/react-table";

/** GOV.UK pagination: previous and next, with "Showing x to y of z". */
export function Pagination({
  offset,
  limit,
  total,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number;
  onPage: (offset: number) => void;
}) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <>
      <p className="govuk-body" aria-live="polite" data-testid="page-status">
        Showing {first} to {last} of {total.toLocaleString("en-GB")}
      </p>
      {total > limit && (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages">
          {offset > 0 && (
            <div className="govuk-pagination__prev">
              <button
                type="button"
                className="govuk-link govuk-pagination__link app-link-button"
                onClick={() => onPage(Math.max(0, offset - limit))}
              >
                <span className="govuk-pagination__link-title">Previous page</span>
              </button>
            </div>
          )}
          {last < total && (
            <div className="govuk-pagination__next">
              <button
                type="button"
                className="govuk-link govuk-pagination__link app-link-button"
                onClick={() => onPage(offset + limit)}
              >
                <span className="govuk-pagination__link-title">Next page</span>
              </button>
            </div>
          )}
        </nav>
      )}
    </>
  );
}

/** GOV.UK pagination for a TanStack table, paged by the table (in the browser or by the API). */
export function TablePagination<T>({ table }: { table: Table<T> }) {
  const { pageIndex, pageSize } = table.getState().pagination;
  return (
    <Pagination
      offset={pageIndex * pageSize}
      limit={pageSize}
      total={table.getRowCount()}
      onPage={(offset) => table.setPageIndex(Math.floor(offset / pageSize))}
    />
  );
}
