import {
  type ColumnDef,
  createColumnHelper,
  functionalUpdate,
  getCoreRowModel,
  getSortedRowModel,
  type PaginationState,
  type SortingState,
  type Updater,
  useReactTable,
} from "@tanstack/react-table";
import type { Page, ResourceKind, ResourceRecord } from "@tt/contract";
import { useMemo } from "react";
import { DataTable } from "../components/data-table";
import { Link } from "../components/link";
import { TablePagination } from "../components/pagination";
import type { RegisterSearch } from "./register-search";
import { columnId, type RegisterView, type RegisterViewKey } from "./register-views";

type Row = ResourceRecord<ResourceKind>;

/** Rows a register page shows; the API pages by the same size. */
export const REGISTER_PAGE_SIZE = 25;

/** "Edit P-123": a row's edit link, naming the row for screen readers. */
function EditLink({ view, row }: { view: RegisterViewKey; row: Row }) {
  const reference = "reference" in row ? row.reference : "";
  return (
    <Link to={`/register/${view}/$id/edit`} params={{ id: row.id }}>
      Edit<span className="govuk-visually-hidden"> {reference}</span>
    </Link>
  );
}

/** The view's columns, sorted as text with numbers in order ("9" before "10"), and "Edit". */
export function registerColumns(
  view: RegisterView<ResourceKind>,
  editable: RegisterViewKey | undefined,
): ColumnDef<Row, string>[] {
  const helper = createColumnHelper<Row>();
  const columns: ColumnDef<Row, string>[] = view.columns.map((column) =>
    helper.accessor((row) => column.cell(row), {
      id: columnId(column.header),
      header: column.header,
      sortingFn: "alphanumeric",
      meta: { numeric: column.numeric },
    }),
  );
  if (editable === undefined) return columns;
  const edit = helper.display({
    id: "actions",
    header: "Actions",
    meta: { hiddenHeader: true },
    cell: ({ row }) => <EditLink view={editable} row={row.original} />,
  });
  return [...columns, edit];
}

/** The table's sorting, read from the page's address. */
export function sortingOf(search: RegisterSearch): SortingState {
  return search.sort ? [{ id: search.sort, desc: search.order === "desc" }] : [];
}

/**
 * One page of a register, paged by the API (the address's `page`): the table's paging and sorting
 * are the address's, and a change to either goes to a new address through `onSearch`.
 */
export function RegisterTable({
  view,
  page,
  search,
  editable,
  onSearch,
}: {
  view: RegisterView<ResourceKind>;
  page: Page<Row>;
  search: RegisterSearch;
  editable: RegisterViewKey | undefined;
  onSearch: (search: RegisterSearch) => void;
}) {
  const columns = useMemo(() => registerColumns(view, editable), [view, editable]);
  const pagination: PaginationState = {
    pageIndex: (search.page ?? 1) - 1,
    pageSize: REGISTER_PAGE_SIZE,
  };
  // The same array while the order stays, so that the table does not sort again at each render.
  const sorting = useMemo(() => sortingOf(search), [search]);
  const table = useReactTable({
    data: page.items,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    manualPagination: true,
    manualFiltering: true,
    rowCount: page.total,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { pagination, sorting, globalFilter: search.search ?? "" },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination).pageIndex + 1;
      onSearch({ ...search, page: next > 1 ? next : undefined });
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      onSearch({ ...search, sort: next?.id, order: next?.desc ? "desc" : undefined });
    },
  });
  return (
    <>
      <DataTable
        table={table}
        caption={view.title}
        captionClassName="govuk-table__caption govuk-table__caption--m govuk-visually-hidden"
        className="govuk-table app-table"
        testId="register-table"
      />
      <TablePagination table={table} />
    </>
  );
}
